namespace CustomerTiering.Storage.Grades;

/// <summary>What a run hands the next period's run per customer: the tier held, hysteresis' count, and since when.</summary>
public sealed record CarriedGrade(string CustomerId, string Tier, int PeriodsBelowTier, string TierSince);
