using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// <c>POST /api/exports/{kind}/preview</c>: the same body and parameters as the upload, of which at most the first
/// <see cref="MaxBytes"/> are read; answers what the upload would do (format, encoding, delimiter, each column's use, the
/// date format, the first rows as read, the problems so far and the share they make) and writes nothing.
/// </summary>
public static class ExportPreviewEndpoint
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        string kind,
        string? name,
        string? profile,
        string? dateFormat,
        MappingProfiles profiles,
        IOptions<IngestionOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(profiles);
        kind = kind.ToLowerInvariant();
        if (ExportUpload.RequestProblem(context, kind, name, profile, dateFormat, out var fileName, out _) is { } problem)
        {
            return problem;
        }

        MappingProfile mapping;
        try
        {
            mapping = await profiles.LoadAsync(profile, cancellationToken);
        }
        catch (ExportRejectedException ex)
        {
            return Results.Problem(statusCode: 400, title: "Unusable profile", detail: ex.Message);
        }

        var (head, complete) = await ReadHeadAsync(context.Request.Body, cancellationToken);
        return Results.Ok(ExportPreview.Run(
            head, complete, fileName, mapping, ExportBlobName.KindOf($"{kind}/{fileName}"), DateFormat.Named(dateFormat), options.Value.MaxRejectedShare, ExportLimits.Default));
    }

    /// <summary>The body's first bytes, and whether they are all of it; the rest is never read.</summary>
    private static async Task<(byte[] Head, bool Complete)> ReadHeadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled <= MaxBytes ? (buffer[..filled], true) : (buffer[..MaxBytes], false);
    }
}
