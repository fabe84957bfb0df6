namespace CustomerTiering.Domain.Policy;

/// <summary>Value tiers, best first, and how the weighted value score is cut into them.</summary>
public sealed record TierPolicy
{
    public required IReadOnlyList<string> Names { get; init; }

    public TierMethod Method { get; init; } = TierMethod.RankShare;

    /// <summary>For <see cref="TierMethod.RankShare"/>: each tier's share of customers, summing to 1.</summary>
    public IReadOnlyList<double>? Shares { get; init; }

    /// <summary>For <see cref="TierMethod.Threshold"/>: the minimum value score (0–100) of every tier but the last, descending.</summary>
    public IReadOnlyList<double>? Thresholds { get; init; }

    public required ValueWeights Weights { get; init; }

    /// <summary>Each tier's name as people read it, by tier; see <see cref="Policy.DisplayNames"/>.</summary>
    public IReadOnlyDictionary<string, LocalizedText> DisplayNames { get; init; } = new Dictionary<string, LocalizedText>();
}
