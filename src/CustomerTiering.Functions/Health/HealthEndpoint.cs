using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when Blob, Queue and Table storage all answer, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", CheckAsync).Produces<HealthReport>().Produces<HealthReport>(503).WithName("Health");
        return endpoints;
    }

    internal static async Task<IResult> CheckAsync(StorageHealthProbe probe, CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken);
        return Results.Json(HealthReport.From(health), statusCode: health.AllReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
