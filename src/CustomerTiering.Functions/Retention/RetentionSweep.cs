using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Retention;

/// <summary>What a sweep forgot; null when it waited for a regrade run.</summary>
public sealed record RetentionResult(int Ingestions, int Periods, int Runs, long Grades, int RunFiles, long RelayedEvents);

/// <summary>
/// Forgets, once a day, what has been kept long enough (<see cref="RetentionOptions"/>): the tables, and the files whose
/// age alone does not say whether they may go (a run's files live as long as its period). Each step is safe to repeat,
/// and what points at something goes before it (a period before its run's grades, grades and files before the run's
/// record), so a sweep that dies is finished by the next.
/// </summary>
public sealed class RetentionSweep(
    IngestionLedger ledger,
    ReportStore reports,
    PeriodStore periods,
    RunStore runs,
    GradeStore grades,
    RunArtifacts artifacts,
    SnapshotStore snapshots,
    RelayedEventLedger relayed,
    RegradeLock regradeLock,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweep> logger)
{
    /// <summary>Sweeps, unless a regrade run holds the lock: a run reads the periods and runs this deletes; tomorrow will do.</summary>
    public async Task<RetentionResult?> SweepAsync(CancellationToken cancellationToken)
    {
        if (await regradeLock.HolderAsync(cancellationToken) is { } holder)
        {
            Log.RetentionWaits(logger, holder.RunId ?? "a starting run");
            return null;
        }

        var now = clock.GetUtcNow();
        var settings = options.Value;
        var ended = await ledger.EndedBeforeAsync(now.AddDays(-settings.ReportDays), cancellationToken);
        foreach (var id in ended)
        {
            await reports.DeleteAsync(id, cancellationToken);
            await ledger.DeleteAsync(id, cancellationToken);
        }

        var plan = RetentionPlan.For(await periods.ListAsync(cancellationToken), await runs.RecentAsync(int.MaxValue, cancellationToken), now, settings);
        foreach (var period in plan.PeriodsToForget)
        {
            await periods.DeleteAsync(period.Period, cancellationToken);
            await snapshots.DeleteAsync(period.Period, cancellationToken);
        }

        long gradeRows = 0;
        var runFiles = 0;
        foreach (var run in plan.RunsToDelete)
        {
            gradeRows += await grades.DeleteRunAsync(run.Id, cancellationToken);
            runFiles += await artifacts.DeleteAsync(run.Id, workingFilesOnly: false, cancellationToken);
            await runs.DeleteAsync(run.Id, cancellationToken);
        }

        foreach (var run in plan.RunsToTrim)
        {
            runFiles += await artifacts.DeleteAsync(run.Id, workingFilesOnly: true, cancellationToken);
        }

        var events = await relayed.ExpireAsync(now.AddDays(-settings.RunDays), cancellationToken);
        var result = new RetentionResult(ended.Count, plan.PeriodsToForget.Count, plan.RunsToDelete.Count, gradeRows, runFiles, events);
        Log.RetentionSwept(logger, result.Ingestions, result.Periods, result.Runs, result.Grades, result.RunFiles, result.RelayedEvents);
        return result;
    }
}
