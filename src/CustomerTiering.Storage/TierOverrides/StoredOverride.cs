namespace CustomerTiering.Storage.TierOverrides;

/// <summary>A customer pinned to a tier: by whom, when, why, and until when.</summary>
public sealed record StoredOverride(string CustomerId, string Tier, string Reason, DateOnly Expires, Actor SetBy, DateTimeOffset SetAt);
