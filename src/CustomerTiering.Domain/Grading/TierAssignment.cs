namespace CustomerTiering.Domain.Grading;

/// <summary>The tier held after hysteresis (and an override), and how it came about.</summary>
internal readonly record struct TierAssignment(int Tier, int PreviousIndex, int PeriodsBelow, bool Held, bool ByMargin);
