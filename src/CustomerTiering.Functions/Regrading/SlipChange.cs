using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Regrading;

/// <summary>A slip event's data: who entered which segment or lifecycle stage from which, their tier, in which period and run, and why.</summary>
public sealed record SlipChange(string CustomerId, string? From, string To, string Tier, string Period, string RunId, IReadOnlyList<GradeReason> Reasons);
