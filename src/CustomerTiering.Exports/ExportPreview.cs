using System.IO.Compression;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports;

/// <summary>One row of a preview: what became of it and, for a kept one, what it reads as.</summary>
public sealed record PreviewRow(
    RowOutcome Outcome, string? CustomerId, string? Name, string? OrderId, DateOnly? Date, decimal? Amount, string? Category, IReadOnlyList<RowError> Problems);

/// <summary>What uploading a file would do, from its first bytes: how it is read and what its rows become. Nothing is written.</summary>
public sealed record PreviewResult
{
    /// <summary>What the upload would come to, as far as the rows read tell.</summary>
    public required IngestionOutcome WouldBe { get; init; }

    public string? Reason { get; init; }

    public ExportKind? Kind { get; init; }

    public ExportShape? Shape { get; init; }

    public IReadOnlyList<ColumnUse> Columns { get; init; } = [];

    public string? DateFormat { get; init; }

    public string? DateFormatSource { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public long BytesRead { get; init; }

    /// <summary>The whole file was read; else only its first rows were.</summary>
    public bool Complete { get; init; }

    public long Rows { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    public long WithoutCustomer { get; init; }

    public double RejectedShare { get; init; }

    /// <summary>The first rows as they would be read (for an order-line file, the orders its lines made).</summary>
    public IReadOnlyList<PreviewRow> Sample { get; init; } = [];

    /// <summary>The problems of the first rejected rows.</summary>
    public IReadOnlyList<RowError> Problems { get; init; } = [];
}

/// <summary>
/// Reads the first bytes of an export as an ingestion would read the whole file (the same reader, mapping, survey and
/// row checks), and tells what it would do. A sample cut mid-file is cut back to its last whole line first.
/// </summary>
public static class ExportPreview
{
    public const int SampleRows = 20;

    /// <summary>
    /// Text a preview reads at most, expanded: a gzip's sample is as much text as a plain file's (the first 4 MB of the
    /// body), however small the gzip; expanding 16 MB took a preview seconds on a busy instance.
    /// </summary>
    public const int MaxExpandedBytes = 4 * 1024 * 1024;

    public static PreviewResult Run(
        byte[] head, bool complete, string name, MappingProfile profile, ExportKind? expected, DateFormat? requested, double maxRejectedShare, ExportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            var (content, whole, readAs, expanded) = Whole(head, complete, name);
            ColumnMap map;
            ColumnConventions conventions;
            using (var survey = ExportReader.Open(new MemoryStream(content), readAs, limits))
            {
                map = ColumnMap.Resolve(survey.Header, profile, expected);
                conventions = ColumnSurvey.Conventions(survey, map, profile, requested);
            }

            var tally = new RowTally(limits.MaxErrorsInReport);
            var sample = new List<PreviewRow>();
            using var reader = ExportReader.Open(new MemoryStream(content), readAs, limits);
            foreach (var row in new ExportParser(map, profile, limits, conventions).Parse(reader))
            {
                tally.Add(row);
                if (sample.Count < SampleRows && (map.Kind != ExportKind.OrderLines || row.Outcome != RowOutcome.Accepted))
                {
                    sample.Add(Shown(row));
                }
            }

            var described = tally.Describe(new IngestionReport { IngestionId = "", BlobName = name }, conventions);
            return new PreviewResult
            {
                WouldBe = tally.Rows == 0 || tally.RejectedShare > maxRejectedShare ? IngestionOutcome.Rejected : tally.Rejected > 0 ? IngestionOutcome.PartiallySucceeded : IngestionOutcome.Succeeded,
                Reason = tally.Rows == 0 ? "The file has a header but no rows."
                    : tally.RejectedShare > maxRejectedShare ? $"{tally.RejectedShare:P1} of the rows read are bad; more than {maxRejectedShare:P0} rejects a file whole."
                    : null,
                Kind = map.Kind,
                Shape = expanded ? reader.Shape with { Gzipped = true } : reader.Shape,
                Columns = map.Uses,
                DateFormat = conventions.DateFormat?.Name,
                DateFormatSource = conventions.DateFormatSource,
                Notes = described.Notes,
                BytesRead = head.Length,
                Complete = whole,
                Rows = tally.Rows,
                Accepted = tally.Accepted,
                Rejected = tally.Rejected,
                WithoutCustomer = tally.WithoutCustomer,
                RejectedShare = tally.RejectedShare,
                Sample = sample,
                Problems = tally.Shown,
            };
        }
        catch (ExportRejectedException ex)
        {
            return new PreviewResult { WouldBe = IngestionOutcome.Rejected, Reason = ex.Message, BytesRead = head.Length, Complete = complete };
        }
    }

    /// <summary>
    /// What of the sample can be read whole: a gzip is expanded no further than a preview needs (4 MB, however the body
    /// arrived: a whole body of a few MB can expand to gigabytes), and a cut or capped text ends at its last line break;
    /// a cut workbook cannot be read at all. Returns the bytes, whether they are the whole file, the name to read them
    /// by, and whether they were expanded here.
    /// </summary>
    private static (byte[] Content, bool Whole, string Name, bool Expanded) Whole(byte[] head, bool complete, string name)
    {
        var format = FormatDetector.Detect(name, head);
        if (format == ExportFormat.Xlsx && !complete)
        {
            throw new ExportRejectedException($"A workbook can be previewed only whole, and this one is over {head.Length / (1024 * 1024)} MB: upload it, or save it as CSV.");
        }

        var gzipped = format == ExportFormat.CsvGzip;
        if (gzipped)
        {
            var (expanded, ended) = Expand(head);
            complete = complete && ended;
            head = expanded;
            name = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name + ".csv";
        }

        if (complete)
        {
            return (head, true, name, gzipped);
        }

        var lastLine = Array.LastIndexOf(head, (byte)'\n');
        return (lastLine < 0 ? head : head[..(lastLine + 1)], false, name, gzipped);
    }

    /// <summary>The gzip's content up to <see cref="MaxExpandedBytes"/>, and whether its stream ended within that.</summary>
    private static (byte[] Content, bool Ended) Expand(byte[] gzipped)
    {
        var expanded = new MemoryStream();
        var buffer = new byte[81920];
        var ended = false;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
            while (expanded.Length < MaxExpandedBytes)
            {
                var read = gzip.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxExpandedBytes - expanded.Length));
                if (read == 0)
                {
                    ended = true;
                    break;
                }

                expanded.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            // The sample ends mid-stream: what came out before that is the preview.
        }

        return (expanded.ToArray(), ended);
    }

    private static PreviewRow Shown(ParsedRow row) => row switch
    {
        { Customer: { } c } => new PreviewRow(row.Outcome, c.Id.Value, c.Name, null, null, null, null, []),
        { Order: { } o } => new PreviewRow(row.Outcome, o.Order.CustomerId.Value, null, o.Order.OrderId, o.Order.Date, o.Order.NetAmount, o.Order.Category, []),
        { Outcome: RowOutcome.WithoutCustomer } => new PreviewRow(row.Outcome, null, null, null, null, row.GuestAmount, null, []),
        _ => new PreviewRow(row.Outcome, null, null, null, null, null, null, row.Errors),
    };
}
