namespace CustomerTiering.Domain.Grading;

/// <summary>The figures a grade was made from, kept with it so its reasons can always be told again.</summary>
public readonly record struct GradeEvidence
{
    /// <summary>Share of customers with net revenue at least as high (0.03 = top 3%).</summary>
    public double MonetaryTopShare { get; init; }

    public double FrequencyTopShare { get; init; }

    /// <summary>Days from the last order to the as-of date; null when there was never one.</summary>
    public int? DaysSinceLastOrder { get; init; }

    public int? DaysSinceFirstOrder { get; init; }

    public double ValueTopShare { get; init; }

    /// <summary>The tier the value score earns this period, before hysteresis.</summary>
    public int EarnedTierIndex { get; init; }

    /// <summary>The lowest value score in the tier held, this period (its cut); null when the tier is empty.</summary>
    public double? TierCut { get; init; }

    /// <summary>The cut of the tier above the one held; null for the top tier.</summary>
    public double? NextTierCut { get; init; }

    public bool HeldByHysteresis { get; init; }

    /// <summary>Consecutive periods the earned tier has been below the tier held (0 when not below).</summary>
    public int PeriodsBelowTier { get; init; }

    public bool DemotedByMargin { get; init; }

    /// <summary>Net revenue change over the previous window, as a rate; null when the previous window had none.</summary>
    public double? GrowthRate { get; init; }

    public decimal NetRevenue { get; init; }

    public decimal PreviousNetRevenue { get; init; }

    public int OrderCount { get; init; }

    /// <summary>Cumulative share of revenue (or of customers) of everyone ahead of this customer in the ABC ranking.</summary>
    public double AbcShareBefore { get; init; }

    /// <summary>For a rising star, where their growth ranks among the candidate tiers (0.04 = top 4%).</summary>
    public double? GrowthTopShare { get; init; }
}
