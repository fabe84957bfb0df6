namespace CustomerTiering.Storage;

/// <summary>Whether one storage service (blob, queue or table) answered, and how fast.</summary>
public sealed record StorageServiceHealth(string Service, bool Reachable, double LatencyMilliseconds, string? Error);
