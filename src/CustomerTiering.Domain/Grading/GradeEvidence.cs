namespace CustomerTiering.Domain.Grading;

/// <summary>
/// The figures a grade was made from, kept with it so its reasons can always be told again. Shares, cuts and rates are
/// single precision: they are for telling ("top 3%"), and a run holds a million grades at once. Money stays exact.
/// Declared widest first, so the struct packs without padding.
/// </summary>
public readonly record struct GradeEvidence
{
    /// <summary>The group the customer was graded within (<see cref="Policy.TieringPolicy.GroupBy"/>); null when graded among all customers.</summary>
    public string? Group { get; init; }

    public decimal NetRevenue { get; init; }

    public decimal PreviousNetRevenue { get; init; }

    /// <summary>Days from the last purchase to the as-of date; null when there was never one.</summary>
    public int? DaysSinceLastOrder { get; init; }

    public int? DaysSinceFirstOrder { get; init; }

    /// <summary>The lowest value score in the tier held, this period (its cut); null when the tier is empty.</summary>
    public float? TierCut { get; init; }

    /// <summary>The cut of the tier above the one held; null for the top tier.</summary>
    public float? NextTierCut { get; init; }

    /// <summary>Net revenue change over the previous window, as a rate; null when the previous window had none.</summary>
    public float? GrowthRate { get; init; }

    /// <summary>For a rising star, where their growth ranks among the candidate tiers (0.04 = top 4%).</summary>
    public float? GrowthTopShare { get; init; }

    /// <summary>Share of customers with net revenue at least as high (0.03 = top 3%).</summary>
    public float MonetaryTopShare { get; init; }

    public float FrequencyTopShare { get; init; }

    public float ValueTopShare { get; init; }

    /// <summary>Cumulative share of revenue (or of customers) of everyone ahead of this customer in the ABC ranking.</summary>
    public float AbcShareBefore { get; init; }

    public int OrderCount { get; init; }

    /// <summary>Consecutive periods the earned tier has been below the tier held (0 when not below).</summary>
    public int PeriodsBelowTier { get; init; }

    /// <summary>The tier the value score earns this period, before hysteresis.</summary>
    public byte EarnedTierIndex { get; init; }

    public bool HeldByHysteresis { get; init; }

    public bool DemotedByMargin { get; init; }

    /// <summary>The tier the grading gave before an administrator's override (equal to the tier without one).</summary>
    public byte ComputedTierIndex { get; init; }

    public bool Overridden { get; init; }

    public bool OverrideExpired { get; init; }
}
