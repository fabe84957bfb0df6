using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Health;

/// <summary><c>GET /api/health</c> as an anonymous HTTP function; the work is in <see cref="HealthEndpoint"/>.</summary>
public sealed class HealthFunction(StorageHealthProbe probe)
{
    [Function("Health")]
    public Task<IResult> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        HealthEndpoint.CheckAsync(probe, cancellationToken);
}
