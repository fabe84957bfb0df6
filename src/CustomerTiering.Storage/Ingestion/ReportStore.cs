using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;

namespace CustomerTiering.Storage.Ingestion;

/// <summary>Ingestion reports in the <c>reports</c> container: <c>ingest/{id}.json</c> and <c>ingest/{id}-rejected.csv</c>.</summary>
public sealed class ReportStore(StorageAccount account)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);

    public static string ReportPath(string id) => $"ingest/{id}.json";

    public static string RejectedRowsPath(string id) => $"ingest/{id}-rejected.csv";

    public async Task SaveReportAsync<T>(string id, T report, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(ReportPath(id)).UploadAsync(BinaryData.FromObjectAsJson(report, Json), overwrite: true, cancellationToken);

    /// <summary>Opens the rejected-rows CSV for writing; whatever was there from an earlier try is replaced.</summary>
    public Task<Stream> OpenRejectedRowsAsync(string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(RejectedRowsPath(id)).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);

    public async Task DeleteRejectedRowsAsync(string id, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(RejectedRowsPath(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The rejected-rows CSV to read, or null when there is none.</summary>
    public async Task<Stream?> OpenRejectedRowsForReadingAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Container.GetBlobClient(RejectedRowsPath(id)).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task<BinaryData?> ReadReportAsync(string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(ReportPath(id)).DownloadContentOrNullAsync(cancellationToken);
}
