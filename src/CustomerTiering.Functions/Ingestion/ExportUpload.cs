using System.Text;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// <c>POST /api/exports/{kind}?name=&amp;profile=&amp;dateFormat=</c>: streams the body into <c>exports/{kind}/yyyy/MM/dd/{upload}-{name}</c>
/// and answers 202 with the ingestion's status URL. The BlobCreated event then ingests it like any dropped file.
/// </summary>
public static class ExportUpload
{
    private static readonly HashSet<string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/csv", "text/plain", "application/csv", "application/gzip", "application/x-gzip", "application/x-ndjson",
        "application/jsonl", "application/json-lines", "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static readonly string[] Extensions = [".csv", ".csv.gz", ".gz", ".jsonl", ".ndjson", ".jsonl.gz", ".xlsx"];

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        string kind,
        string? name,
        string? profile,
        string? dateFormat,
        ExportStore exports,
        IngestionLedger ledger,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        kind = kind.ToLowerInvariant();
        var max = options.Value.MaxUploadBytes;
        if (RequestProblem(context, kind, name, profile, dateFormat, out var fileName, out var mediaType) is { } problem)
        {
            return problem;
        }

        if (context.Request.ContentLength > max)
        {
            return Problem(413, "File too large", $"Exports up to {max / (1024 * 1024)} MB are accepted; split larger ones.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var now = clock.GetUtcNow();
        var blobName = $"{kind}/{now:yyyy/MM/dd}/{Guid.NewGuid():N}-{fileName}";
        string eTag;
        try
        {
            eTag = await exports.UploadAsync(blobName, context.Request.Body, mediaType, Metadata(profile, dateFormat), cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "File too large", $"Exports up to {max / (1024 * 1024)} MB are accepted; split larger ones.");
        }

        var id = IngestionLedger.IdOf(blobName, eTag);
        if (await ledger.GetAsync(id, cancellationToken) is null)
        {
            await ledger.SaveAsync(new IngestionRecord { Id = id, BlobName = blobName, ETag = eTag, Status = IngestionStatus.Queued, CreatedAt = now, UpdatedAt = now }, cancellationToken);
        }

        var statusUrl = $"/api/ingestions/{id}";
        return Results.Accepted(statusUrl, new UploadAccepted(id, $"{StorageNames.ExportsContainer}/{blobName}", nameof(IngestionStatus.Queued), statusUrl));
    }

    /// <summary>
    /// What is wrong with an upload's (or a preview's) request before its body is read: the kind, the content type, the
    /// file name, the profile and date format parameters. Null when nothing is.
    /// </summary>
    internal static IResult? RequestProblem(HttpContext context, string kind, string? name, string? profile, string? dateFormat, out string fileName, out string mediaType)
    {
        var safeName = fileName = SafeName(name ?? "upload.csv");
        mediaType = context.Request.ContentType?.Split(';')[0].Trim() ?? "";
        if (kind is not ("customers" or "orders" or "invoices"))
        {
            return Problem(400, "Unknown export kind", "kind must be 'customers', 'orders' or 'invoices'.");
        }

        if (!ContentTypes.Contains(mediaType))
        {
            return Problem(415, "Unsupported content type", $"Send the file as one of: {string.Join(", ", ContentTypes.Order())}.");
        }

        if (!Extensions.Any(e => safeName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return Problem(400, "Unsupported file name", $"name must end in one of {string.Join(" ", Extensions)}.");
        }

        return ParameterProblem(profile, dateFormat);
    }

    /// <summary>A 400 for a profile that is no plain name or a date format that is none of the common ones; else null.</summary>
    private static IResult? ParameterProblem(string? profile, string? dateFormat) =>
        profile is not null && (profile.Length > 64 || profile.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            ? Problem(400, "Invalid profile", "profile is a plain name: letters, digits, '-' and '_'.")
            : dateFormat is not null && DateFormat.Named(dateFormat) is null
                ? Problem(400, "Unknown date format", $"dateFormat is one of: {string.Join(", ", DateFormat.Common.Select(f => f.Name))}.")
                : null;

    /// <summary>What the upload says about how to read the file, as blob metadata (ASCII only, so the format is escaped).</summary>
    private static Dictionary<string, string> Metadata(string? profile, string? dateFormat)
    {
        var metadata = new Dictionary<string, string>();
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

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
