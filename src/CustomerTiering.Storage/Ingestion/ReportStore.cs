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

    /// <summary>Deletes an ingestion's report and its rejected rows.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await Container.GetBlobClient(ReportPath(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await Container.GetBlobClient(RejectedRowsPath(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task SaveReportAsync<T>(string id, T report, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(ReportPath(id)).UploadAsync(BinaryData.FromObjectAsJson(report, Json), overwrite: true, cancellationToken);

    /// <summary>
    /// Has <paramref name="write"/> write the rejected-rows CSV to a local file, then uploads it in one commit when it
    /// answers that the file holds rows, or removes an earlier try's when it holds none. A write that fails leaves
    /// nothing of its own behind: a partial file (rows of a rejected export, personal data) is never committed.
    /// </summary>
    public async Task SaveRejectedRowsAsync(string id, Func<Stream, Task<bool>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var file = Path.GetTempFileName();
        try
        {
            bool holdsRows;
            await using (var stream = File.Create(file))
            {
                holdsRows = await write(stream);
            }

            var blob = Container.GetBlobClient(RejectedRowsPath(id));
            if (holdsRows)
            {
                await blob.UploadAsync(file, overwrite: true, cancellationToken);
            }
            else
            {
                await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

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

    /// <summary>The ids of every ingestion with a report.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "ingest/", cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                ids.Add(blob.Name["ingest/".Length..^".json".Length]);
            }
        }

        return ids;
    }

    /// <summary>The rejected-rows CSV's lines <paramref name="about"/> picks.</summary>
    public Task<IReadOnlyList<string>> FindRejectedRowsAsync(string id, Func<string, bool> about, CancellationToken cancellationToken = default) =>
        Privacy.BlobLines.FindAsync(Container.GetBlobClient(RejectedRowsPath(id)), about, cancellationToken);

    /// <summary>Writes the rejected-rows CSV again (with its byte order mark) without the lines <paramref name="about"/> picks.</summary>
    public Task<long> RemoveRejectedRowsAsync(string id, Func<string, bool> about, CancellationToken cancellationToken = default) =>
        Privacy.BlobLines.RemoveAsync(Container.GetBlobClient(RejectedRowsPath(id)), about, hasHeader: true, new System.Text.UTF8Encoding(true), cancellationToken);

    public async Task<T?> ReadReportAsync<T>(string id, CancellationToken cancellationToken = default) =>
        await ReadReportAsync(id, cancellationToken) is { } json ? json.ToObjectFromJson<T>(Json) : default;

    public Task<BinaryData?> ReadReportAsync(string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(ReportPath(id)).DownloadContentOrNullAsync(cancellationToken);
}
