using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage.Runs;

/// <summary>Committed periods' grades for analysts' tools in the <c>snapshots</c> container: <c>{period}/grades.csv.gz</c> and <c>grades.parquet</c>.</summary>
public sealed class SnapshotStore(StorageAccount account)
{
    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer);

    public static string CsvPath(string period) => $"{period}/grades.csv.gz";

    public static string ParquetPath(string period) => $"{period}/grades.parquet";

    /// <summary>Replaces the snapshot file at <paramref name="path"/>, tagged with the run that wrote it and its policy version.</summary>
    public async Task UploadAsync(string path, Stream content, string contentType, string runId, string policyVersion, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["runid"] = runId, ["policyversion"] = policyVersion },
        }, cancellationToken);
}
