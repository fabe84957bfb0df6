using CustomerTiering.Functions.Access;
using CustomerTiering.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Health;

/// <summary><c>GET /api/health</c>, anonymous: 200 when Blob, Queue and Table storage all answer, 503 otherwise.</summary>
public sealed class HealthEndpoint(StorageHealthProbe probe)
{
    [Function("Health")]
    [CallableByAnyone]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken);
        var report = HealthReport.From(health);
        return health.AllReachable ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
