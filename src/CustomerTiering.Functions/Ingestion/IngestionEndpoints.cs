using CustomerTiering.Functions.Invocation;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>The ingestion functions: the queue trigger on BlobCreated events, the upload API and the ledger queries.</summary>
public static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapInvocation("IngestExport", async (request, services, cancellationToken) =>
        {
            var blobEvent = request.Get<BlobCreatedEvent>("event");
            var response = new InvocationResponse();
            if (blobEvent.EventType != "Microsoft.Storage.BlobCreated" || blobEvent.Location() is not { Container: StorageNames.ExportsContainer } location)
            {
                response.Logs.Add($"ignored {blobEvent.EventType} for {blobEvent.Subject}");
                return response;
            }

            if (ExportBlobName.Problem(location.Blob) is { } problem)
            {
                response.Logs.Add($"ignored a blob whose name is unusable: {problem}");
                return response;
            }

            var ingestion = services.GetRequiredService<ExportIngestion>();
            var attempt = int.TryParse(request.GetMetadataText("DequeueCount"), out var count) ? count : 1;
            try
            {
                var record = await ingestion.IngestAsync(location.Blob, blobEvent.Data?.ETag, cancellationToken);
                response.ReturnValue = record?.Status.ToString();
                return response;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt >= services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxAttempts)
            {
                // The last try: say so in the ledger before the message goes to the poison queue.
                await ingestion.MarkFailedAsync(location.Blob, blobEvent.Data?.ETag, ex, cancellationToken);
                throw;
            }
        });

        endpoints.MapPost("/api/exports/{kind}", ExportUpload.HandleAsync).WithName("UploadExport")
            .Accepts<Stream>("text/csv", "application/gzip", "application/x-ndjson", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces<UploadAccepted>(202).ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        endpoints.MapGet("/api/ingestions/{id}", GetAsync).WithName("GetIngestion")
            .Produces<IngestionRecord>().ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/ingestions", ListAsync).WithName("ListIngestions")
            .Produces<IReadOnlyList<IngestionRecord>>().ProducesProblem(400);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string id, IngestionLedger ledger, CancellationToken cancellationToken)
    {
        if (id.Length != 24 || !id.All(char.IsAsciiHexDigitLower))
        {
            return Results.Problem(statusCode: 400, title: "Invalid ingestion id", detail: "An ingestion id is 24 lower-case hex digits.");
        }

        return await ledger.GetAsync(id, cancellationToken) is { } record
            ? Results.Ok(record)
            : Results.Problem(statusCode: 404, title: "Unknown ingestion", detail: $"No ingestion {id}.");
    }

    private static async Task<IResult> ListAsync(IngestionLedger ledger, int? top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > 500)
        {
            return Results.Problem(statusCode: 400, title: "Invalid parameter", detail: "top must be between 1 and 500.");
        }

        return Results.Ok(await ledger.RecentAsync(top ?? 50, cancellationToken));
    }
}
