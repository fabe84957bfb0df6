namespace CustomerTiering.Functions.TierOverrides;

/// <summary>The body of <c>PUT /api/manage/overrides/{customerId}</c>: the tier, why, and the last day it holds (yyyy-MM-dd).</summary>
public sealed record OverrideRequest(string? Tier, string? Reason, string? Expires);
