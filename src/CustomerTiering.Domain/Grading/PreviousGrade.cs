using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Domain.Grading;

/// <summary>What hysteresis needs of last period's grade: the tier held, and for how many periods the score has been below it.</summary>
public sealed record PreviousGrade(CustomerId Id, string Tier, int PeriodsBelowTier);
