using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Which tier a customer holds once what they earned meets what they held before (hysteresis) and an administrator's override.</summary>
internal static class TierHolding
{
    /// <summary>
    /// The tier a customer holds given the one earned now and the one held before: a promotion at once; a demotion only
    /// after <see cref="HysteresisPolicy.PeriodsBelow"/> periods below, at once when the score fell more than the margin
    /// below the held tier's cut or the customer has no revenue.
    /// </summary>
    public static TierAssignment Hysteresis(
        int earned, PreviousGrade? before, IReadOnlyList<string> tierNames, double score, bool hasRevenue, TierCut[] cuts, TieringPolicy policy)
    {
        var previousIndex = before is null ? -1 : TieringEngine.IndexOf(tierNames, before.Tier);
        if (previousIndex < 0 || earned <= previousIndex)
        {
            return new(earned, previousIndex, 0, false, false); // new, same, or a promotion: at once
        }

        var cut = cuts[previousIndex].MinScore ?? ThresholdOf(policy.Tiers, previousIndex) ?? double.PositiveInfinity;
        var byMargin = score < cut - policy.Hysteresis.Margin;
        var periodsBelow = before!.PeriodsBelowTier + 1;
        if (!hasRevenue || byMargin || periodsBelow >= policy.Hysteresis.PeriodsBelow)
        {
            return new(earned, previousIndex, 0, false, byMargin);
        }

        return new(previousIndex, previousIndex, periodsBelow, true, false);
    }

    /// <summary>
    /// An administrator's override beats the tier hysteresis gave, while it has not expired at the as-of date; an expired one,
    /// or one naming a tier the policy no longer has, leaves the computed tier (an expired one is told in the reasons).
    /// </summary>
    public static (TierAssignment Tier, byte Flags) Override(TierAssignment computed, TierOverride? pinned, IReadOnlyList<string> tierNames, DateOnly asOf)
    {
        if (pinned is null || TieringEngine.IndexOf(tierNames, pinned.Tier) is var index && index < 0)
        {
            return (computed, 0);
        }

        return pinned.Expires < asOf
            ? (computed, GradeColumns.OverrideExpired)
            : (computed with { Tier = index, PeriodsBelow = 0, Held = false, ByMargin = false }, GradeColumns.Overridden);
    }

    /// <summary>The policy's fixed threshold of a tier, where tiers are cut by threshold; null where they are cut by share.</summary>
    public static double? ThresholdOf(TierPolicy tiers, int tier) =>
        tiers.Method == TierMethod.Threshold ? tiers.Thresholds![tier] : null;
}
