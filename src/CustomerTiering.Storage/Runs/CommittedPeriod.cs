namespace CustomerTiering.Storage.Runs;

/// <summary>A graded period readers may see: the run whose grades it shows.</summary>
public sealed record CommittedPeriod(string Period, string RunId, string PolicyVersion, DateOnly AsOf, DateTimeOffset CommittedAt);
