using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// The ingestion API's handlers and their description: the upload and the ledger queries. The functions in
/// <see cref="IngestionFunctions"/> call the handlers; <see cref="MapIngestion"/> describes them for the OpenAPI document.
/// </summary>
public static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/exports/{kind}", ExportUpload.HandleAsync).WithName("UploadExport")
            .Accepts<Stream>("text/csv", "application/gzip", "application/x-ndjson", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces<UploadAccepted>(202).ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        endpoints.MapGet("/api/ingestions/{id}", GetAsync).WithName("GetIngestion")
            .Produces<IngestionRecord>().ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/ingestions", ListAsync).WithName("ListIngestions")
            .Produces<IReadOnlyList<IngestionRecord>>().ProducesProblem(400);
        return endpoints;
    }

    internal static async Task<IResult> GetAsync(string id, IngestionLedger ledger, CancellationToken cancellationToken)
    {
        if (id.Length != 24 || !id.All(char.IsAsciiHexDigitLower))
        {
            return Results.Problem(statusCode: 400, title: "Invalid ingestion id", detail: "An ingestion id is 24 lower-case hex digits.");
        }

        return await ledger.GetAsync(id, cancellationToken) is { } record
            ? Results.Ok(record)
            : Results.Problem(statusCode: 404, title: "Unknown ingestion", detail: $"No ingestion {id}.");
    }

    internal static async Task<IResult> ListAsync(IngestionLedger ledger, string? top, CancellationToken cancellationToken)
    {
        if (!QueryNumber.TryRead(top, 1, 500, 50, out var count))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["top is a whole number from 1 to 500."] });
        }

        return Results.Ok(await ledger.RecentAsync(count, cancellationToken));
    }
}
