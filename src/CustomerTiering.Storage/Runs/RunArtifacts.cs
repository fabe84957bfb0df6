using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.Storage.Runs;

/// <summary>
/// What a run's phases hand each other, under <c>runs/{runId}/</c>: each shard's metrics, each shard's grades, what the
/// next period carries over, the policy and the summary. Gzipped JSON lines: streamed both ways, never whole in memory.
/// Every artifact is written whole again by a retry, so a crash half way leaves nothing a reader would trust.
/// </summary>
public sealed class RunArtifacts(StorageAccount account)
{
    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer);

    public static string MetricsPath(string runId, int shard) => string.Create(CultureInfo.InvariantCulture, $"{runId}/metrics/{shard:000}.jsonl.gz");

    public static string GradesPath(string runId, int shard) => string.Create(CultureInfo.InvariantCulture, $"{runId}/grades/{shard:000}.jsonl.gz");

    public static string CarriedPath(string runId) => $"{runId}/carried.jsonl.gz";

    public static string PolicyPath(string runId) => $"{runId}/policy.json";

    public static string SummaryPath(string runId) => $"{runId}/summary.json";

    /// <summary>The tier overrides as they stood when the run started: part of its inputs, like its policy.</summary>
    public static string OverridesPath(string runId) => $"{runId}/overrides.json";

    public async Task WriteLinesAsync<T>(string path, IEnumerable<T> items, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        // Written to a local file first, then uploaded in one commit: the blob's write stream would first replace the
        // artifact with an empty blob, and a write that failed after that left an artifact of no lines that reads as
        // whole (a shard's metrics written again by a redelivered message, a grade shard by a retried step).
        var file = Path.GetTempFileName();
        var lines = 0L;
        try
        {
            await using (var stream = File.Create(file))
            await using (var gzip = new GZipStream(stream, CompressionLevel.Fastest))
            await using (var buffered = new BufferedStream(gzip, 1 << 16))
            {
                // Each line is serialized to memory and copied down: flushing a writer on the stream would flush gzip per line.
                var line = new ArrayBufferWriter<byte>(1024);
                await using var writer = new Utf8JsonWriter(line);
                foreach (var item in items)
                {
                    lines++;
                    JsonSerializer.Serialize(writer, item, type);
                    writer.Flush();
                    await buffered.WriteAsync(line.WrittenMemory, cancellationToken);
                    buffered.WriteByte((byte)'\n');
                    line.ResetWrittenCount();
                    writer.Reset();
                }
            }

            // The count goes with the file, so that a step can see how large its input is before it reads any.
            await Container.GetBlobClient(path).UploadAsync(
                file, new BlobUploadOptions { Metadata = new Dictionary<string, string> { [LinesMetadata] = lines.ToString(CultureInfo.InvariantCulture) } }, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const string LinesMetadata = "lines";

    /// <summary>How many lines a file written by <see cref="WriteLinesAsync"/> holds, from its metadata; null when it is not there.</summary>
    public async Task<long?> LineCountAsync(string path, CancellationToken cancellationToken = default)
    {
        var properties = await Container.GetBlobClient(path).GetPropertiesOrNullAsync(cancellationToken);
        return properties is not null && properties.Metadata.TryGetValue(LinesMetadata, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    /// <summary>
    /// A file's lines. A file can be written again while it is read: a copy of a shard's message, or a step retried
    /// after a crash, makes it again, with the same content (every step of a run is repeatable), and the read that
    /// had begun on the first version fails with 412. It is then opened again and goes on after the lines already read.
    /// </summary>
    public async IAsyncEnumerable<T> ReadLinesAsync<T>(string path, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int Reopenings = 3;
        long read = 0;
        for (var reopened = 0; ; reopened++)
        {
            await using var lines = ReadVersionAsync(path, type, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var readBefore = read;
            while (true)
            {
                bool more;
                try
                {
                    more = await lines.MoveNextAsync();
                }
                catch (RequestFailedException ex) when (ex.Status == 412 && reopened < Reopenings)
                {
                    break;
                }

                if (!more)
                {
                    yield break;
                }

                if (readBefore > 0)
                {
                    readBefore--;
                    continue;
                }

                read++;
                yield return lines.Current;
            }
        }
    }

    /// <summary>The lines of the version of a file that was there when the read began (the SDK's read holds to its ETag).</summary>
    private async IAsyncEnumerable<T> ReadVersionAsync<T>(string path, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var blob = await Container.GetBlobClient(path).OpenReadAsync(cancellationToken: cancellationToken);
        await using var gzip = new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, type) ?? throw new InvalidDataException($"{path} holds a null line.");
            }
        }

        // Gzip ends quietly where its input does: a download that stopped short must fail the step, not hand it fewer
        // customers.
        if (blob.Position != blob.Length)
        {
            throw new IOException($"{path} ended after {blob.Position:N0} of its {blob.Length:N0} bytes.");
        }
    }

    /// <summary>
    /// Deletes a run's files: all of them, or only the working files of its shards (metrics and grades, read by no one
    /// once the run is over), keeping what later runs and the portal read (carried grades, summary, policy, overrides).
    /// </summary>
    public async Task<int> DeleteAsync(string runId, bool workingFilesOnly, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, runId + "/", cancellationToken))
        {
            if (!workingFilesOnly || blob.Name.StartsWith(runId + "/metrics/", StringComparison.Ordinal) || blob.Name.StartsWith(runId + "/grades/", StringComparison.Ordinal))
            {
                await Container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Every run's artifacts that hold a line per customer (metrics, grades, carried), and their overrides files.</summary>
    public async IAsyncEnumerable<string> CustomerArtifactsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.Contains("/metrics/", StringComparison.Ordinal) || blob.Name.Contains("/grades/", StringComparison.Ordinal)
                || blob.Name.EndsWith("/carried.jsonl.gz", StringComparison.Ordinal) || blob.Name.EndsWith("/overrides.json", StringComparison.Ordinal))
            {
                yield return blob.Name;
            }
        }
    }

    /// <summary>The customer a line of a customer artifact is about: its first property, the id, by how each is declared.</summary>
    public static string? CustomerOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(line));
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
               && reader.Read() && reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : null;
    }

    /// <summary>The lines (for an overrides file, the overrides) of <paramref name="path"/> about one of <paramref name="customers"/>.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(string path, IReadOnlySet<string> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".json", StringComparison.Ordinal))
        {
            return await Privacy.BlobLines.FindAsync(Container.GetBlobClient(path), line => CustomerOf(line) is { } id && customers.Contains(id), cancellationToken);
        }

        var (_, about) = await OverridesOfAsync(path, customers, cancellationToken);
        return [.. about.Select(o => o.ToJsonString())];
    }

    /// <summary>Writes <paramref name="path"/> again without what is about <paramref name="customers"/>; answers how many lines or overrides went.</summary>
    public async Task<long> RemoveAsync(string path, IReadOnlySet<string> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".json", StringComparison.Ordinal))
        {
            return await Privacy.BlobLines.RemoveAsync(Container.GetBlobClient(path), line => CustomerOf(line) is { } id && customers.Contains(id), cancellationToken: cancellationToken);
        }

        var (all, about) = await OverridesOfAsync(path, customers, cancellationToken);
        if (about.Count == 0)
        {
            return 0;
        }

        var kept = new System.Text.Json.Nodes.JsonArray([.. all.Except(about).Select(o => o.DeepClone())]);
        await WriteTextAsync(path, kept.ToJsonString(), cancellationToken);
        return about.Count;
    }

    private async Task<(IReadOnlyList<System.Text.Json.Nodes.JsonNode> All, IReadOnlyList<System.Text.Json.Nodes.JsonNode> About)> OverridesOfAsync(
        string path, IReadOnlySet<string> customers, CancellationToken cancellationToken)
    {
        var all = (System.Text.Json.Nodes.JsonNode.Parse(await ReadTextAsync(path, cancellationToken) ?? "[]") as System.Text.Json.Nodes.JsonArray)?
            .OfType<System.Text.Json.Nodes.JsonNode>().ToList() ?? [];
        return (all, [.. all.Where(o => o["customerId"]?.GetValue<string>() is { } id && customers.Contains(id))]);
    }

    public async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(path).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);

    /// <summary>Writes an empty marker at <paramref name="path"/> unless one is there; true when this call wrote it.</summary>
    public Task<bool> TryMarkAsync(string path, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(path).TryCreateAsync(BinaryData.Empty, cancellationToken);

    public async Task<string?> ReadTextAsync(string path, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(path).DownloadContentOrNullAsync(cancellationToken))?.ToString();
}
