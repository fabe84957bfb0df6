using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, StorageServiceReport> Storage)
{
    public static HealthReport From(StorageHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new HealthReport(
            health.AllReachable ? "healthy" : "unhealthy",
            health.Services.ToDictionary(
                s => s.Service,
                s => new StorageServiceReport(s.Reachable, Math.Round(s.LatencyMilliseconds, 1), s.Error)));
    }
}
