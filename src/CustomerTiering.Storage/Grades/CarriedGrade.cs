namespace CustomerTiering.Storage.Grades;

/// <summary>
/// What a run hands the next period's run per customer: the tier held, hysteresis' count, since when, and the segment
/// and lifecycle stage (so the next run can tell who entered one; absent in runs made before slip events).
/// </summary>
public sealed record CarriedGrade(string CustomerId, string Tier, int PeriodsBelowTier, string TierSince, string? Segment = null, string? Lifecycle = null);
