namespace CustomerTiering.Domain.Policy;

/// <summary>How value scores are cut into tiers.</summary>
public enum TierMethod
{
    /// <summary>By rank: the top <c>shares[0]</c> of customers, then the next <c>shares[1]</c>, …</summary>
    RankShare,

    /// <summary>By score: at least <c>thresholds[0]</c> for the first tier, …; the last tier takes the rest.</summary>
    Threshold,
}
