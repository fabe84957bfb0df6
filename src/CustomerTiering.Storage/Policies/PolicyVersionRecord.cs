namespace CustomerTiering.Storage.Policies;

/// <summary>A stored policy version, who saved it (from their token; null for versions saved before callers signed in) and when.</summary>
public sealed record PolicyVersionRecord(string Version, Actor? SavedBy, DateTimeOffset SavedAt);
