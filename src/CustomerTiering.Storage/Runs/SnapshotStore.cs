using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage.Runs;

/// <summary>Committed periods' grades for analysts' tools in the <c>snapshots</c> container: <c>{period}/grades.csv.gz</c> and <c>grades.parquet</c>.</summary>
public sealed class SnapshotStore(StorageAccount account)
{
    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer);

    public static string CsvPath(string period) => $"{period}/grades.csv.gz";

    public static string ParquetPath(string period) => $"{period}/grades.parquet";

    /// <summary>Every snapshot file of every period.</summary>
    public async Task<IReadOnlyList<string>> PathsAsync(CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            paths.Add(blob.Name);
        }

        return paths;
    }

    /// <summary>Deletes a period's snapshot files.</summary>
    public async Task DeleteAsync(string period, CancellationToken cancellationToken = default)
    {
        await Container.GetBlobClient(CsvPath(period)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await Container.GetBlobClient(ParquetPath(period)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(path).OpenReadAsync(cancellationToken: cancellationToken);

    /// <summary>The CSV snapshot's lines <paramref name="about"/> picks.</summary>
    public Task<IReadOnlyList<string>> FindLinesAsync(string path, Func<string, bool> about, CancellationToken cancellationToken = default) =>
        Privacy.BlobLines.FindAsync(Container.GetBlobClient(path), about, cancellationToken);

    /// <summary>Writes the CSV snapshot again without the lines <paramref name="about"/> picks; answers how many went.</summary>
    public Task<long> RemoveLinesAsync(string path, Func<string, bool> about, CancellationToken cancellationToken = default) =>
        Privacy.BlobLines.RemoveAsync(Container.GetBlobClient(path), about, hasHeader: true, cancellationToken: cancellationToken);

    /// <summary>Replaces a snapshot file with <paramref name="file"/>, keeping its content type and metadata (the run and policy that made it).</summary>
    public async Task ReplaceAsync(string path, string file, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(path);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        await blob.UploadAsync(file, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType },
            Metadata = properties.Metadata,
            Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
        }, cancellationToken);
    }

    /// <summary>Replaces the snapshot file at <paramref name="path"/>, tagged with the run that wrote it and its policy version.</summary>
    public async Task UploadAsync(string path, Stream content, string contentType, string runId, string policyVersion, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["runid"] = runId, ["policyversion"] = policyVersion },
        }, cancellationToken);
}
