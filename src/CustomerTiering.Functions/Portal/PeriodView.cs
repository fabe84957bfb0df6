namespace CustomerTiering.Functions.Portal;

/// <summary>A graded period: the run that graded it, with which policy, as of when.</summary>
public sealed record PeriodView(string Period, string RunId, string PolicyVersion, DateOnly AsOf, DateTimeOffset CommittedAt, bool Current);
