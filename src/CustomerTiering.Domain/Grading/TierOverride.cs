namespace CustomerTiering.Domain.Grading;

/// <summary>
/// A tier an administrator pinned a customer to, why, and until when: it beats the computed tier (hysteresis included)
/// in every run whose as-of date is on or before <see cref="Expires"/>, and after that the grade says it expired.
/// </summary>
public sealed record TierOverride(string Tier, string Reason, DateOnly Expires);
