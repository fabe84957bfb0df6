using CustomerTiering.Storage.Policies;

namespace CustomerTiering.Functions.Portal;

/// <summary>The tiering policy as HTTP functions; the work is in <see cref="PolicyEndpoints"/>.</summary>
public sealed class PolicyFunctions(PolicyStore policies)
{
    [Function("GetPolicy")]
    public Task<IResult> GetCurrentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "policy")] HttpRequest request, CancellationToken cancellationToken) =>
        PolicyEndpoints.GetCurrentAsync(request.HttpContext, policies, cancellationToken);

    [Function("GetPolicyVersion")]
    public Task<IResult> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "policy/versions/{version}")] HttpRequest request, string version, CancellationToken cancellationToken) =>
        PolicyEndpoints.GetVersionAsync(version, request.HttpContext, policies, cancellationToken);

    [Function("PutPolicy")]
    public Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "manage/policy")] HttpRequest request, CancellationToken cancellationToken) =>
        PolicyEndpoints.PutAsync(request, policies, cancellationToken);
}
