using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// Reads a text blob (gzipped or not) line by line to find lines about someone, and writes it again without them: to a
/// local file first, then one upload that keeps the blob's content type and metadata, and only when a line went.
/// The upload is conditional on the version read, so a blob replaced meanwhile is not overwritten with old lines.
/// </summary>
public static class BlobLines
{
    public static async Task<IReadOnlyList<string>> FindAsync(BlobClient blob, Func<string, bool> about, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(about);
        var found = new List<string>();
        if (await OpenAsync(blob, cancellationToken) is not var (reader, _, _))
        {
            return found;
        }

        using (reader)
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (about(line))
                {
                    found.Add(line);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Writes the blob again without the lines <paramref name="about"/> picks (a header, when it has one, stays), in
    /// <paramref name="encoding"/> (UTF-8 without a byte order mark unless told); answers how many went.
    /// </summary>
    public static async Task<long> RemoveAsync(
        BlobClient blob, Func<string, bool> about, bool hasHeader = false, Encoding? encoding = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(about);
        if (await OpenAsync(blob, cancellationToken) is not var (reader, properties, gzipped))
        {
            return 0;
        }

        var file = Path.GetTempFileName();
        try
        {
            long removed = 0;
            using (reader)
            await using (var output = File.Create(file))
            await using (var compressed = gzipped ? new GZipStream(output, CompressionLevel.Fastest) : (Stream)output)
            await using (var writer = new StreamWriter(compressed, encoding ?? new UTF8Encoding(false), 1 << 16))
            {
                writer.NewLine = "\n";
                var header = hasHeader;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (!header && about(line))
                    {
                        removed++;
                        continue;
                    }

                    header = false;
                    await writer.WriteLineAsync(line);
                }
            }

            if (removed > 0)
            {
                await blob.UploadAsync(file, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType },
                    Metadata = properties.Metadata,
                    Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                }, cancellationToken);
            }

            return removed;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(StreamReader Reader, BlobProperties Properties, bool Gzipped)?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            var gzipped = blob.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            // A byte order mark, where the file has one (the rejected rows' CSV), is read past; the caller says how to write.
            return (new StreamReader(gzipped ? new GZipStream(stream, CompressionMode.Decompress) : stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), properties, gzipped);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
