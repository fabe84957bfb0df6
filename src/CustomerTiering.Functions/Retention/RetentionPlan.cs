using CustomerTiering.Domain.Periods;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Retention;

/// <summary>What one retention sweep forgets, decided from the periods and runs alone.</summary>
public sealed record RetentionPlan(IReadOnlyList<CommittedPeriod> PeriodsToForget, IReadOnlyList<RunRecord> RunsToDelete, IReadOnlyList<RunRecord> RunsToTrim)
{
    /// <summary>
    /// Periods past the grade history (never the current one); finished runs past their days that no kept period
    /// shows, deleted whole; kept periods' runs past their days, trimmed to what later runs read. A run still going is
    /// never touched, nor is a kept period's run (the next period's run reads its carried grades).
    /// </summary>
    public static RetentionPlan For(IReadOnlyList<CommittedPeriod> periods, IReadOnlyList<RunRecord> runs, DateTimeOffset now, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = periods.MaxBy(p => GradingPeriod.Parse(p.Period));
        var forget = periods
            .Where(p => p != current && GradingPeriod.Parse(p.Period).LastDay.AddMonths(options.GradeHistoryMonths) < today)
            .ToList();
        var shown = periods.Except(forget).Select(p => p.RunId).ToHashSet(StringComparer.Ordinal);
        var old = runs
            .Where(r => r.Status is RunStatus.Succeeded or RunStatus.Failed && (r.FinishedAt ?? r.CreatedAt) < now.AddDays(-options.RunDays))
            .ToList();
        return new RetentionPlan(forget, [.. old.Where(r => !shown.Contains(r.Id))], [.. old.Where(r => shown.Contains(r.Id))]);
    }
}
