using System.Text;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>What an upload of an export may be, and where and how it is stored.</summary>
public static class ExportUpload
{
    private static readonly HashSet<string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/csv", "text/plain", "application/csv", "application/gzip", "application/x-gzip", "application/x-ndjson",
        "application/jsonl", "application/json-lines", "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The media type of an accepted file (without parameters), or null when the content type is none of them.</summary>
    public static string? MediaType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        return ContentTypes.Contains(mediaType) ? mediaType : null;
    }

    public static RefusedRequest UnsupportedType() =>
        RefusedRequest.UnsupportedType($"Send the file as one of: {string.Join(", ", ContentTypes.Order())}.");

    /// <summary>Where an upload of <paramref name="fileName"/> is stored: under its kind and day, made unique.</summary>
    public static string BlobName(UploadKind kind, string fileName, DateTimeOffset now) =>
        $"{kind.ToString().ToLowerInvariant()}/{now:yyyy/MM/dd}/{Guid.NewGuid():N}-{fileName}";

    /// <summary>What the upload says about how to read the file, and who sent it, as blob metadata (ASCII only, so values are escaped).</summary>
    public static Dictionary<string, string> Metadata(string? profile, string? dateFormat, Actor uploader)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        var metadata = new Dictionary<string, string>
        {
            [ExportMetadata.UploadedById] = Uri.EscapeDataString(uploader.ObjectId ?? ""),
            [ExportMetadata.UploadedBy] = Uri.EscapeDataString(uploader.Name),
        };
        if (profile is not null)
        {
            metadata[ExportMetadata.Profile] = profile;
        }

        if (dateFormat is not null)
        {
            metadata[ExportMetadata.DateFormat] = Uri.EscapeDataString(DateFormat.Named(dateFormat)!.Name);
        }

        return metadata;
    }

    /// <summary>The last path segment, with anything but letters, digits, '.', '-' and '_' replaced: no traversal, no surprises.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var last = name.Replace('\\', '/').Split('/').Last();
        var builder = new StringBuilder(Math.Min(last.Length, 100));
        foreach (var c in last.Take(100))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().TrimStart('.');
        return safe.Length == 0 ? "upload.csv" : safe;
    }

}
