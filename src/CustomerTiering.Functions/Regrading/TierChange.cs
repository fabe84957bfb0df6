using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Regrading;

/// <summary>The event's data: who moved, from where to where, in which period and run, and why.</summary>
public sealed record TierChange(string CustomerId, string? From, string To, string Direction, string Period, string RunId, IReadOnlyList<GradeReason> Reasons);
