namespace CustomerTiering.Functions.Health;

/// <summary>One storage service in the health report.</summary>
public sealed record StorageServiceReport(bool Reachable, double LatencyMs, string? Error);
