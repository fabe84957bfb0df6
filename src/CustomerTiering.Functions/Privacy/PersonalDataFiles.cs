using CustomerTiering.Exports.Records;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// The files that mention some customers, and how to write each again without them: run artifacts, period snapshots
/// (CSV and Parquet), ingestion reports and their rejected rows, uploaded exports. Used both to answer a subject-access
/// request and to erase, so the two always agree on what a file holds of someone.
/// </summary>
public sealed class PersonalDataFiles(
    RunArtifacts artifacts, SnapshotStore snapshots, SnapshotParquet parquet, ReportStore reports, ExportStore exports, ExportMentions mentions)
{
    private static readonly IReadOnlySet<long> NoRows = new HashSet<long>();

    public async Task<IReadOnlyList<FileMention>> FindAsync(PersonalDataMatch match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new List<FileMention>();
        await foreach (var path in artifacts.CustomerArtifactsAsync(cancellationToken))
        {
            Add(found, StorageNames.RunsContainer, path, await artifacts.FindAsync(path, match.Ids, cancellationToken));
        }

        foreach (var path in await snapshots.PathsAsync(cancellationToken))
        {
            Add(found, StorageNames.SnapshotsContainer, path, path.EndsWith(".parquet", StringComparison.Ordinal)
                ? [.. (await parquet.FindAsync(path, match.Ids, cancellationToken)).Select(r => r.ToCsvLine())]
                : await snapshots.FindLinesAsync(path, match.IsSnapshotLine, cancellationToken));
        }

        var (mentioned, theirRows) = await ExportsMentioningAsync(match, cancellationToken);
        foreach (var (export, rows) in mentioned)
        {
            found.Add(new FileMention(StorageNames.ExportsContainer, export.Name, [], rows));
        }

        foreach (var id in await reports.IdsAsync(cancellationToken))
        {
            var rows = theirRows.GetValueOrDefault(id) ?? NoRows;
            Add(found, StorageNames.ReportsContainer, ReportStore.RejectedRowsPath(id), await reports.FindRejectedRowsAsync(id, line => match.IsReportLine(line, rows), cancellationToken));
            if (await ReadReportAsync(id, cancellationToken) is { } report)
            {
                Add(found, StorageNames.ReportsContainer, ReportStore.ReportPath(id),
                    [.. report.RejectedRows.Where(e => match.IsReportError(e, rows)).Select(RejectedRowsCsv.Line)]);
            }
        }

        return found;
    }

    /// <summary>Writes every file again without them, exports last (a crash before then finds their rows again); answers what went, by place.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RemoveAsync(PersonalDataMatch match, Func<string, Task> stepDone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(stepDone);
        var removed = new Dictionary<string, long>(StringComparer.Ordinal) { ["runArtifactLines"] = 0, ["snapshotRows"] = 0, ["reportLines"] = 0, ["exports"] = 0 };
        await foreach (var path in artifacts.CustomerArtifactsAsync(cancellationToken))
        {
            removed["runArtifactLines"] += await artifacts.RemoveAsync(path, match.Ids, cancellationToken);
        }

        await stepDone("runArtifacts");
        foreach (var path in await snapshots.PathsAsync(cancellationToken))
        {
            removed["snapshotRows"] += path.EndsWith(".parquet", StringComparison.Ordinal)
                ? await parquet.RemoveAsync(path, match.Ids, cancellationToken)
                : await snapshots.RemoveLinesAsync(path, match.IsSnapshotLine, cancellationToken);
        }

        await stepDone("snapshots");
        var (mentioned, theirRows) = await ExportsMentioningAsync(match, cancellationToken);
        foreach (var id in await reports.IdsAsync(cancellationToken))
        {
            var rows = theirRows.GetValueOrDefault(id) ?? NoRows;
            removed["reportLines"] += await reports.RemoveRejectedRowsAsync(id, line => match.IsReportLine(line, rows), cancellationToken);
            if (await ReadReportAsync(id, cancellationToken) is { } report && report.RejectedRows.Count(e => match.IsReportError(e, rows)) is var errors and > 0)
            {
                await reports.SaveReportAsync(id, report with { RejectedRows = [.. report.RejectedRows.Where(e => !match.IsReportError(e, rows))] }, cancellationToken);
                removed["reportLines"] += errors;
            }
        }

        await stepDone("reports");
        foreach (var (export, _) in mentioned)
        {
            removed["exports"] += await exports.DeleteAsync(export.Name, cancellationToken) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>The exports with rows about them, and those rows by the ingestion of that export's version.</summary>
    private async Task<(List<(StoredExport Export, IReadOnlyList<long> Rows)> Mentioned, Dictionary<string, IReadOnlySet<long>> RowsByIngestion)> ExportsMentioningAsync(
        PersonalDataMatch match, CancellationToken cancellationToken)
    {
        var mentioned = new List<(StoredExport, IReadOnlyList<long>)>();
        var byIngestion = new Dictionary<string, IReadOnlySet<long>>(StringComparer.Ordinal);
        foreach (var export in (await exports.ListAsync(cancellationToken)).Where(e => ExportBlobName.IsExport(e.Name)))
        {
            var rows = (await mentions.FindAsync(export, match.Ids, cancellationToken)).Select(m => m.Row).ToList();
            if (rows.Count > 0)
            {
                mentioned.Add((export, rows));
                byIngestion[IngestionLedger.IdOf(export.Name, export.ETag)] = rows.ToHashSet();
            }
        }

        return (mentioned, byIngestion);
    }

    private Task<IngestionReport?> ReadReportAsync(string id, CancellationToken cancellationToken) => reports.ReadReportAsync<IngestionReport>(id, cancellationToken);

    private static void Add(List<FileMention> found, string container, string path, IReadOnlyList<string> lines)
    {
        if (lines.Count > 0)
        {
            found.Add(new FileMention(container, path, lines));
        }
    }
}
