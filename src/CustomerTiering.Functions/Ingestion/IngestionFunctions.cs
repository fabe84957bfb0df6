using Azure.Storage.Blobs;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// Ingestion's functions: the blob trigger on the exports container, the upload API and the ledger queries.
/// The work is in <see cref="ExportIngestion"/>, <see cref="ExportUpload"/> and <see cref="IngestionEndpoints"/>.
/// </summary>
public sealed class IngestionFunctions(
    ExportIngestion ingestion,
    IngestionLedger ledger,
    ReportStore reports,
    MappingProfiles profiles,
    ExportStore exports,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<IngestionFunctions> logger)
{
    /// <summary>
    /// A new or overwritten export. Event Grid is the source (the only one Flex Consumption supports): in Azure its
    /// subscription calls the blobs extension's webhook, locally the dev host raises the event. The blob arrives as a
    /// <see cref="BlobClient"/>, so the file is streamed here and never travels inline.
    /// </summary>
    [Function("IngestExport")]
    public async Task IngestExportAsync(
        [BlobTrigger(StorageNames.ExportsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.DataConnection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        if (ExportBlobName.Problem(blob.Name) is { } problem)
        {
            Log.BlobIgnored(logger, blob.Name, problem);
            return;
        }

        await ingestion.IngestAsync(blob.Name, cancellationToken);
    }

    [Function("UploadExport")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "exports/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken) =>
        ExportUpload.HandleAsync(request.HttpContext, kind, request.Query["name"], request.Query["profile"], request.Query["dateFormat"], exports, ledger, options, clock, cancellationToken);

    [Function("PreviewExport")]
    public Task<IResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "exports/{kind}/preview")] HttpRequest request, string kind, CancellationToken cancellationToken) =>
        ExportPreviewEndpoint.HandleAsync(request.HttpContext, kind, request.Query["name"], request.Query["profile"], request.Query["dateFormat"], profiles, options, cancellationToken);

    [Function("GetIngestion")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ingestions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        IngestionEndpoints.GetAsync(id, ledger, cancellationToken);

    [Function("GetIngestionReport")]
    public Task<IResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ingestions/{id}/report")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        IngestionEndpoints.GetReportAsync(id, reports, cancellationToken);

    [Function("GetRejectedRows")]
    public Task<IResult> GetRejectedRowsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ingestions/{id}/rejected.csv")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        IngestionEndpoints.GetRejectedRowsAsync(id, reports, cancellationToken);

    [Function("ListIngestions")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ingestions")] HttpRequest request, CancellationToken cancellationToken) =>
        IngestionEndpoints.ListAsync(ledger, request.Query["top"], cancellationToken);
}
