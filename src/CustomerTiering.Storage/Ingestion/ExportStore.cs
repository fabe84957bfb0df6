using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage.Ingestion;

/// <summary>The uploaded exports, and the mapping profiles kept beside them, in the <c>exports</c> container.</summary>
public sealed class ExportStore(StorageAccount account)
{
    private const int ReadBufferBytes = 4 * 1024 * 1024;

    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer);

    /// <summary>The export's current version, or null when there is no such blob (deleted since its event).</summary>
    public async Task<StoredExport?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var properties = await Container.GetBlobClient(name).GetPropertiesOrNullAsync(cancellationToken);
        return properties is null ? null : new StoredExport(name, properties.ETag.ToString("H"), properties.ContentLength, properties.Metadata.AsReadOnly());
    }

    /// <summary>
    /// Streams that version of the export. Pinned to its ETag: an overwrite half way fails the read (see
    /// <see cref="IsOverwritten"/>) instead of mixing two versions.
    /// </summary>
    public async Task<Stream> OpenReadAsync(StoredExport export, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        return await Container.GetBlobClient(export.Name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: true)
        {
            Conditions = new BlobRequestConditions { IfMatch = new ETag(export.ETag) },
            BufferSize = ReadBufferBytes,
        }, cancellationToken);
    }

    /// <summary>Stores <paramref name="content"/> as a new export and answers the ETag of the version written.</summary>
    public async Task<string> UploadAsync(
        string name, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var uploaded = await Container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata.Count == 0 ? null : metadata.ToDictionary(),
        }, cancellationToken);
        return uploaded.Value.ETag.ToString("H");
    }

    /// <summary>Every blob of the container, exports and mapping profiles alike, at its current version.</summary>
    public async Task<IReadOnlyList<StoredExport>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<StoredExport>();
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, cancellationToken))
        {
            all.Add(new StoredExport(blob.Name, blob.Properties.ETag?.ToString("H") ?? "", blob.Properties.ContentLength ?? 0, blob.Metadata.AsReadOnly()));
        }

        return all;
    }

    /// <summary>Deletes the export with its snapshots; true when there was one.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    /// <summary>The text of a blob beside the exports (a mapping profile), or null when there is none.</summary>
    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(name).DownloadContentOrNullAsync(cancellationToken))?.ToString();

    /// <summary>True when a read failed because the export was overwritten after the version being read.</summary>
    public static bool IsOverwritten(Exception exception) =>
        exception is RequestFailedException { Status: 412 } || exception.InnerException is { } inner && IsOverwritten(inner);
}
