namespace CustomerTiering.Domain.Policy;

/// <summary>
/// When the tiers do not really differ: a higher tier's mean (and median) revenue per customer below these multiples of
/// the next lower tier's, an empty tier, or the top tiers carrying less revenue share than their customer share times
/// <see cref="TopRevenueFactor"/>. Each is a warning with its figures and a suggested change, not an error.
/// </summary>
public sealed record SeparationPolicy
{
    public double MinMeanRatio { get; init; } = 1.5;

    public double MinMedianRatio { get; init; } = 1.5;

    /// <summary>How many tiers, from the top, count as the top tiers (VIP and A).</summary>
    public int TopTiers { get; init; } = 2;

    public double TopRevenueFactor { get; init; } = 2.0;
}
