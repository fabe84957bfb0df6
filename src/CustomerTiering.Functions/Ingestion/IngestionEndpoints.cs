using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Records;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// The ingestion API: upload an export (the BlobCreated event then ingests it like any dropped file), preview what an
/// upload would do, and follow ingestions, their reports and rejected rows.
/// </summary>
public sealed class IngestionEndpoints(
    ExportStore exports, IngestionLedger ledger, ReportStore reports, MappingProfiles profiles, IOptions<IngestionOptions> options, TimeProvider clock)
{
    /// <summary>How much of the body a preview reads: enough for its sample, never the whole of a large file.</summary>
    public const int PreviewBytes = 4 * 1024 * 1024;

    private const string Csv = "text/csv";
    private const string Gzip = "application/gzip";
    private const string JsonLines = "application/x-ndjson";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Streams the body into <c>exports/{kind}/yyyy/MM/dd/{upload}-{name}</c>; 202 with the ingestion's status URL.</summary>
    [Function("UploadExport")]
    [CallableBy(AppRoles.Upload)]
    [Consumes(typeof(Stream), Csv, Gzip, JsonLines, Xlsx)]
    public async Task<Results<Accepted<UploadAccepted>, RefusedRequest>> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "exports/{kind}")] HttpRequest request,
        [AsParameters] ExportInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        if (ExportUpload.MediaType(request.ContentType) is not { } mediaType)
        {
            return ExportUpload.UnsupportedType();
        }

        var max = options.Value.MaxUploadBytes;
        var tooLarge = RefusedRequest.TooLarge($"Exports up to {max / (1024 * 1024)} MB are accepted; split larger ones.");
        if (request.ContentLength > max)
        {
            return tooLarge;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var now = clock.GetUtcNow();
        var uploader = Caller.Of(request.HttpContext).AsActor();
        var blobName = ExportUpload.BlobName(input.Kind, input.FileName, now);
        string eTag;
        try
        {
            eTag = await exports.UploadAsync(blobName, request.Body, mediaType, ExportUpload.Metadata(input.Profile, input.DateFormat, uploader), cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }

        var id = IngestionLedger.IdOf(blobName, eTag);
        if (await ledger.GetAsync(id, cancellationToken) is null)
        {
            await ledger.SaveAsync(
                new IngestionRecord { Id = id, BlobName = blobName, ETag = eTag, Status = IngestionStatus.Queued, UploadedBy = uploader, CreatedAt = now, UpdatedAt = now },
                cancellationToken);
        }

        var statusUrl = $"/api/ingestions/{id}";
        return TypedResults.Accepted(statusUrl, new UploadAccepted(id, $"{StorageNames.ExportsContainer}/{blobName}", IngestionStatus.Queued, statusUrl));
    }

    /// <summary>
    /// The upload's body and parameters, of which at most the first <see cref="PreviewBytes"/> are read: what the upload
    /// would do (format, encoding, delimiter, each column's use, the date format, the first rows as read, the problems
    /// so far and the share they make). Writes nothing.
    /// </summary>
    [Function("PreviewExport")]
    [CallableBy(AppRoles.Upload)]
    [Consumes(typeof(Stream), Csv, Gzip, JsonLines, Xlsx)]
    public async Task<Results<Ok<PreviewResult>, RefusedRequest>> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "exports/{kind}/preview")] HttpRequest request,
        [AsParameters] ExportInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        if (ExportUpload.MediaType(request.ContentType) is null)
        {
            return ExportUpload.UnsupportedType();
        }

        MappingProfile mapping;
        try
        {
            mapping = await profiles.LoadAsync(input.Profile, cancellationToken);
        }
        catch (ExportRejectedException ex)
        {
            return RefusedRequest.Invalid("profile", ex.Message);
        }

        var (head, complete) = await ReadHeadAsync(request.Body, cancellationToken);
        return TypedResults.Ok(ExportPreview.Run(
            head, complete, input.FileName, mapping, (ExportKind)input.Kind, DateFormat.Named(input.DateFormat), options.Value.MaxRejectedShare, ExportLimits.Default));
    }

    [Function("GetIngestion")]
    [CallableBy(AppRoles.Upload, AppRoles.Administer)]
    public async Task<Results<Ok<IngestionView>, RefusedRequest, NotFoundProblem>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestions/{id}")] HttpRequest request,
        [AsParameters] IngestionIdInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        return await VisibleAsync(request, input.Id.Value, cancellationToken) is { } record
            ? TypedResults.Ok(IngestionView.Of(record))
            : new NotFoundProblem("Unknown ingestion", $"No ingestion {input.Id}.");
    }

    /// <summary>The ingestion's report (counts, the columns and what became of them, the first problems), once it has finished, as stored.</summary>
    [Function("GetIngestionReport")]
    [CallableBy(AppRoles.Upload, AppRoles.Administer)]
    [ProducesResponseType<IngestionReport>(StatusCodes.Status200OK, "application/json")]
    public async Task<Results<FileContentHttpResult, RefusedRequest, NotFoundProblem>> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestions/{id}/report")] HttpRequest request,
        [AsParameters] IngestionIdInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        return await VisibleAsync(request, input.Id.Value, cancellationToken) is not null
               && await reports.ReadReportAsync(input.Id.Value, cancellationToken) is { } report
            ? TypedResults.Bytes(report.ToMemory(), "application/json")
            : new NotFoundProblem("No report", $"Ingestion {input.Id} is unknown or has not finished.");
    }

    /// <summary>Every rejected row with its problems, as CSV for a spreadsheet, streamed from storage.</summary>
    [Function("GetRejectedRows")]
    [CallableBy(AppRoles.Upload, AppRoles.Administer)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, Csv)]
    public async Task<Results<FileStreamHttpResult, RefusedRequest, NotFoundProblem>> GetRejectedRowsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestions/{id}/rejected.csv")] HttpRequest request,
        [AsParameters] IngestionIdInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        return await VisibleAsync(request, input.Id.Value, cancellationToken) is not null
               && await reports.OpenRejectedRowsForReadingAsync(input.Id.Value, cancellationToken) is { } rows
            ? TypedResults.Stream(rows, "text/csv; charset=utf-8", fileDownloadName: $"{input.Id}-rejected.csv")
            : new NotFoundProblem("No rejected rows", $"Ingestion {input.Id} is unknown, has not finished, or rejected no row.");
    }

    /// <summary>The latest ingestions the caller may follow: all of them for an administrator, their own uploads for an uploader.</summary>
    [Function("ListIngestions")]
    [CallableBy(AppRoles.Upload, AppRoles.Administer)]
    public async Task<Results<Ok<List<IngestionView>>, RefusedRequest>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ingestions")] HttpRequest request,
        [AsParameters] RecentInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var caller = Caller.Of(request.HttpContext);
        var recent = await ledger.RecentAsync(input.Top, caller.Holds(AppRoles.Administer) ? null : caller.ObjectId, cancellationToken);
        return TypedResults.Ok(recent.Select(IngestionView.Of).ToList());
    }

    /// <summary>The ingestion, when the caller may follow it (<see cref="IngestionVisibility"/>).</summary>
    private async Task<IngestionRecord?> VisibleAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        await ledger.GetAsync(id, cancellationToken) is { } record && IngestionVisibility.Sees(Caller.Of(request.HttpContext), record) ? record : null;

    /// <summary>The body's first bytes, and whether they are all of it; the rest is never read.</summary>
    private static async Task<(byte[] Head, bool Complete)> ReadHeadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[PreviewBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled <= PreviewBytes ? (buffer[..filled], true) : (buffer[..PreviewBytes], false);
    }
}
