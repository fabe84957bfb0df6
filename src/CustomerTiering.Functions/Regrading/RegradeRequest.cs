using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Functions.Regrading;

/// <summary>A run to start, already checked: the period and as-of date, the policy, and how to run it.</summary>
public sealed record RegradeRequest(string RunId, GradingPeriod Period, DateOnly AsOf, TieringPolicy Policy, bool DryRun, int Shards, string Trigger)
{
    /// <summary>The administrator who asked for the run; null for the scheduled run.</summary>
    public Storage.Actor? RequestedBy { get; init; }

    /// <summary>The monthly run of <paramref name="period"/>: graded as of its last day with the current policy, one id per period.</summary>
    public static RegradeRequest Scheduled(GradingPeriod period, TieringPolicy policy, int shards) =>
        new(Regrading.RunId.Scheduled(period).Value, period, period.LastDay, policy, DryRun: false, shards, "Scheduled");
}
