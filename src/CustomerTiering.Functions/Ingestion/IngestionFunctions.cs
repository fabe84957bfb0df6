using Azure.Storage.Blobs;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// Ingestion's trigger on the exports container; the work is in <see cref="ExportIngestion"/>. The upload and the
/// ingestions' API are <see cref="IngestionEndpoints"/>.
/// </summary>
public sealed class IngestionFunctions(ExportIngestion ingestion, ILogger<IngestionFunctions> logger)
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
}
