namespace CustomerTiering.Functions.Regrading;

/// <summary>What grading a run came to: customers graded, how many moved tier, and the engine's own time.</summary>
public sealed record GradedRun(int Customers, int Movers, long EngineMilliseconds);
