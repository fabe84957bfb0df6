namespace CustomerTiering.Domain.Grading;

/// <summary>What a separation warning is about.</summary>
public enum SeparationCode
{
    /// <summary>Tier's mean revenue per customer is only Value times LowerTier's; Required is the policy's multiple.</summary>
    MeanNotSeparated,

    /// <summary>The same for the median.</summary>
    MedianNotSeparated,

    /// <summary>Tier has no customer this period.</summary>
    EmptyTier,

    /// <summary>The top tiers (Tier names them) bring Value of revenue with Share of customers; Required is Share times the factor.</summary>
    TopTiersUnderweight,

    /// <summary>Value customers of Tier (the top tier) have LowerTier, the worst credit grade: a risk, not a prize.</summary>
    TopTierPoorCredit,
}

/// <summary>A sign that the tiers do not separate customers as they should, with its figures; told by <see cref="Reasons.WarningRenderer"/>.</summary>
public sealed record SeparationWarning(SeparationCode Code, string Tier, string? LowerTier = null, double? Value = null, double? Required = null, double? Share = null);
