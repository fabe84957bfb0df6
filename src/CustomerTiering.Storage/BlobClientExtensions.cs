using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage;

/// <summary>The blob operations the app keeps needing: read what may not exist, create only what does not.</summary>
public static class BlobClientExtensions
{
    /// <summary>The blob's content, or null when there is no such blob: one request, not an existence check and a read.</summary>
    public static async Task<BinaryData?> DownloadContentOrNullAsync(this BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's properties and metadata, or null when there is no such blob.</summary>
    public static async Task<BlobProperties?> GetPropertiesOrNullAsync(this BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes the blob only if it does not exist yet (If-None-Match: *); false when it did.</summary>
    public static Task<bool> TryCreateAsync(this BlobClient blob, BinaryData content, CancellationToken cancellationToken = default) =>
        TryCreateAsync(blob, content, null, cancellationToken);

    /// <summary>Writes the blob with that metadata only if it does not exist yet (If-None-Match: *); false when it did.</summary>
    public static async Task<bool> TryCreateAsync(this BlobClient blob, BinaryData content, IDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = metadata }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false; // it exists (and may be leased)
        }
    }
}
