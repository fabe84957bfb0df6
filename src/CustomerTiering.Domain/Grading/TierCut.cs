namespace CustomerTiering.Domain.Grading;

/// <summary>The value scores a tier actually spanned this period; null bounds for an empty tier.</summary>
public sealed record TierCut(string Tier, double? MinScore, double? MaxScore);
