using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Health;

/// <summary>The body of <c>GET /api/manage/health</c>: each storage service, its latency and the first line of its error.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, StorageServiceReport> Storage)
{
    public static string StatusOf(StorageHealth health) => health?.AllReachable == true ? "healthy" : "unhealthy";

    public static HealthReport From(StorageHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new HealthReport(
            StatusOf(health),
            health.Services.ToDictionary(
                s => s.Service,
                s => new StorageServiceReport(s.Reachable, Math.Round(s.LatencyMilliseconds, 1), s.Error)));
    }
}
