using CustomerTiering.Exports;
using CustomerTiering.Exports.Records;
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
        endpoints.MapPost("/api/exports/{kind}/preview", ExportPreviewEndpoint.HandleAsync).WithName("PreviewExport")
            .Accepts<Stream>("text/csv", "application/gzip", "application/x-ndjson", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces<PreviewResult>().ProducesProblem(400).ProducesProblem(415);
        endpoints.MapGet("/api/ingestions/{id}", GetAsync).WithName("GetIngestion")
            .Produces<IngestionView>().ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/ingestions/{id}/report", GetReportAsync).WithName("GetIngestionReport")
            .Produces<IngestionReport>(200, "application/json").ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/ingestions/{id}/rejected.csv", GetRejectedRowsAsync).WithName("GetRejectedRows")
            .Produces<Stream>(200, "text/csv").ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/ingestions", ListAsync).WithName("ListIngestions")
            .Produces<IReadOnlyList<IngestionView>>().ProducesProblem(400);
        return endpoints;
    }

    internal static async Task<IResult> GetAsync(string id, IngestionLedger ledger, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await ledger.GetAsync(id, cancellationToken) is { } record
            ? Results.Ok(IngestionView.Of(record))
            : Results.Problem(statusCode: 404, title: "Unknown ingestion", detail: $"No ingestion {id}.");
    }

    /// <summary>The ingestion's report (counts, the columns and what became of them, the first problems), once it has finished.</summary>
    internal static async Task<IResult> GetReportAsync(string id, ReportStore reports, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await reports.ReadReportAsync(id, cancellationToken) is { } report
            ? Results.Bytes(report.ToMemory(), "application/json")
            : Results.Problem(statusCode: 404, title: "No report", detail: $"Ingestion {id} is unknown or has not finished.");
    }

    /// <summary>Every rejected row with its problems, as CSV for a spreadsheet, streamed from storage.</summary>
    internal static async Task<IResult> GetRejectedRowsAsync(string id, ReportStore reports, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await reports.OpenRejectedRowsForReadingAsync(id, cancellationToken) is { } rows
            ? Results.Stream(rows, "text/csv; charset=utf-8", fileDownloadName: $"{id}-rejected.csv")
            : Results.Problem(statusCode: 404, title: "No rejected rows", detail: $"Ingestion {id} is unknown, has not finished, or rejected no row.");
    }

    private static IResult? InvalidId(string id) => id.Length != 24 || !id.All(char.IsAsciiHexDigitLower)
        ? Results.Problem(statusCode: 400, title: "Invalid ingestion id", detail: "An ingestion id is 24 lower-case hex digits.")
        : null;

    internal static async Task<IResult> ListAsync(IngestionLedger ledger, string? top, CancellationToken cancellationToken)
    {
        if (!QueryNumber.TryRead(top, 1, 500, 50, out var count))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["top is a whole number from 1 to 500."] });
        }

        return Results.Ok((await ledger.RecentAsync(count, cancellationToken)).Select(IngestionView.Of).ToList());
    }
}
