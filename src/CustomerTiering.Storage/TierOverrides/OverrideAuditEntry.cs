namespace CustomerTiering.Storage.TierOverrides;

/// <summary>One change to a customer's override, as the audit trail keeps it: who, when, what it was and what it became, and why.</summary>
public sealed record OverrideAuditEntry(string CustomerId, string Action, Actor Who, DateTimeOffset At, StoredOverride? Before, StoredOverride? After, string? Reason);
