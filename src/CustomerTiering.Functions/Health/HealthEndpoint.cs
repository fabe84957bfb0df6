using CustomerTiering.Functions.Access;
using CustomerTiering.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Health;

/// <summary>
/// <c>GET /api/health</c> for anyone (a load balancer, an uptime check): the status alone, from a probe at most a few
/// seconds old. <c>GET /api/manage/health</c> for administrators: each storage service, its latency and what went
/// wrong, probed now. Both answer 503 when a service does not answer.
/// </summary>
public sealed class HealthEndpoint(CachedStorageHealth cached, StorageHealthProbe probe)
{
    [Function("Health")]
    [CallableByAnyone]
    [ProducesResponseType<HealthStatus>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var health = await cached.GetAsync(cancellationToken);
        var status = new HealthStatus(HealthReport.StatusOf(health));
        return health.AllReachable ? TypedResults.Ok(status) : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [Function("HealthDetails")]
    [CallableBy(AppRoles.Administer)]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> DetailsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken);
        var report = HealthReport.From(health);
        return health.AllReachable ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
