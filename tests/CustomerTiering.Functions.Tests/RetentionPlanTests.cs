using CustomerTiering.Functions.Retention;
using CustomerTiering.Storage.Runs;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Which periods and runs a retention sweep forgets: by age, never the current period, never a run going.</summary>
public sealed class RetentionPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 30, 0, TimeSpan.Zero);
    private static readonly RetentionOptions Options = new() { RunDays = 90, GradeHistoryMonths = 25 };

    [Fact]
    public void Periods_past_the_grade_history_are_forgotten_and_their_runs_deleted_once_old()
    {
        // October 2024 ended 25 months and 4 days ago; November 2024 ends 25 months before 30 December.
        var periods = new[] { Period("2024-10", "2024-10-scheduled"), Period("2024-11", "2024-11-scheduled"), Period("2026-11", "2026-11-scheduled") };
        var runs = new[] { Run("2024-10-scheduled", RunStatus.Succeeded, 760), Run("2024-11-scheduled", RunStatus.Succeeded, 740), Run("2026-11-scheduled", RunStatus.Succeeded, 4) };

        var plan = RetentionPlan.For(periods, runs, Now, Options);

        Assert.Equal(["2024-10"], plan.PeriodsToForget.Select(p => p.Period));
        Assert.Equal(["2024-10-scheduled"], plan.RunsToDelete.Select(r => r.Id));
        Assert.Equal(["2024-11-scheduled"], plan.RunsToTrim.Select(r => r.Id));
    }

    [Fact]
    public void The_current_period_is_kept_however_old()
    {
        var plan = RetentionPlan.For([Period("2020-01", "2020-01-scheduled")], [Run("2020-01-scheduled", RunStatus.Succeeded, 2000)], Now, Options);

        Assert.Empty(plan.PeriodsToForget);
        Assert.Empty(plan.RunsToDelete);
        Assert.Equal(["2020-01-scheduled"], plan.RunsToTrim.Select(r => r.Id));
    }

    [Fact]
    public void Runs_no_period_shows_go_after_their_days_and_a_run_still_going_never()
    {
        var periods = new[] { Period("2026-08", "2026-08-20260902000000-ab12") };
        var runs = new[]
        {
            Run("2026-08-scheduled", RunStatus.Succeeded, 91), // superseded by an on-demand run
            Run("2026-08-20260902000000-ab12", RunStatus.Succeeded, 91),
            Run("2026-07-dry", RunStatus.Succeeded, 89),
            Run("2026-06-failed", RunStatus.Failed, 120),
            Run("2026-05-stuck", RunStatus.Writing, 200),
        };

        var plan = RetentionPlan.For(periods, runs, Now, Options);

        Assert.Equal(["2026-08-scheduled", "2026-06-failed"], plan.RunsToDelete.Select(r => r.Id));
        Assert.Equal(["2026-08-20260902000000-ab12"], plan.RunsToTrim.Select(r => r.Id));
    }

    private static CommittedPeriod Period(string period, string runId) => new(period, runId, "v1", new DateOnly(2026, 1, 1), Now);

    private static RunRecord Run(string id, RunStatus status, int daysAgo) => new()
    {
        Id = id,
        Period = id[..7],
        AsOf = new DateOnly(2026, 1, 1),
        PolicyVersion = "v1",
        Trigger = "Scheduled",
        Status = status,
        Shards = 1,
        Measured = ShardSet.Empty(1),
        Written = ShardSet.Empty(1),
        Published = ShardSet.Empty(1),
        CreatedAt = Now.AddDays(-daysAgo).AddHours(-1),
        FinishedAt = status is RunStatus.Succeeded or RunStatus.Failed ? Now.AddDays(-daysAgo) : null,
    };
}
