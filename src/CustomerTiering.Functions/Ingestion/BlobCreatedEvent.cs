using System.Text.Json.Serialization;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>The parts of an Event Grid <c>Microsoft.Storage.BlobCreated</c> event that ingestion reads.</summary>
public sealed record BlobCreatedEvent(
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("data")] BlobCreatedData? Data)
{
    private const string Prefix = "/blobServices/default/containers/";

    /// <summary>The container and blob the subject names, or null when it names neither.</summary>
    public (string Container, string Blob)? Location()
    {
        if (!Subject.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = Subject[Prefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        return separator <= 0 ? null : (rest[..separator], rest[(separator + "/blobs/".Length)..]);
    }
}

/// <summary>The event's <c>data</c>: the blob version it announces.</summary>
public sealed record BlobCreatedData([property: JsonPropertyName("eTag")] string? ETag, [property: JsonPropertyName("contentLength")] long ContentLength);
