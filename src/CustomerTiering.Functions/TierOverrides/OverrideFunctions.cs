using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary>The overrides' management API as HTTP functions (admin key); the work is in <see cref="OverrideEndpoints"/>.</summary>
public sealed class OverrideFunctions(OverrideStore overrides, PolicyStore policies, TimeProvider clock)
{
    [Function("SetOverride")]
    public Task<IResult> SetAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "manage/overrides/{customerId}")] HttpRequest request, string customerId, CancellationToken cancellationToken) =>
        OverrideEndpoints.SetAsync(customerId, request, overrides, policies, clock, cancellationToken);

    [Function("RemoveOverride")]
    public Task<IResult> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "manage/overrides/{customerId}")] HttpRequest request, string customerId, CancellationToken cancellationToken) =>
        OverrideEndpoints.RemoveAsync(customerId, request, overrides, clock, cancellationToken);

    [Function("ListOverrides")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "manage/overrides")] HttpRequest request, CancellationToken cancellationToken) =>
        OverrideEndpoints.ListAsync(overrides, clock, cancellationToken);

    [Function("GetOverrideAudit")]
    public Task<IResult> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "manage/overrides/{customerId}/audit")] HttpRequest request, string customerId, CancellationToken cancellationToken) =>
        OverrideEndpoints.AuditAsync(customerId, overrides, cancellationToken);
}
