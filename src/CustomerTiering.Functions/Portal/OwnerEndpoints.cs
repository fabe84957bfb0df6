using CustomerTiering.Domain.Grading;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Portal;

/// <summary>The sales team's workload: every owner with customers and revenue per tier, and an owner's book (the customer list narrowed to one owner).</summary>
/// <remarks>A rep sees their own book only, without the count of customers who have no owner.</remarks>
public sealed class OwnerEndpoints(PeriodDirectory periods, GradeListing listing, RunSummaries summaries, ReadScopes scopes)
{
    [Function("ListOwners")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<OwnersView>, NotModified, RefusedRequest, NotFoundProblem>> ListOwnersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "owners")] HttpRequest request,
        [AsParameters] PeriodInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var lookup = await periods.FindAsync(input.Period, cancellationToken);
        if (lookup.Period is not { } found)
        {
            return PeriodDirectory.NotGraded(input.Period);
        }

        var scope = await scopes.OfAsync(request.HttpContext, cancellationToken);
        if (HttpCaching.Check(request.HttpContext, $"owners|{found.RunId}|{scope.Key}", lookup.IsCurrent, null) is { } unchanged)
        {
            return unchanged;
        }

        var summary = await summaries.GetAsync(found.RunId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {found.RunId} is committed without a summary.");
        var owners = summary.Owners ?? OwnerSummary.Empty;
        return TypedResults.Ok(scope.IsEverything
            ? new OwnersView(found.Period, found.RunId, owners.Owners, owners.WithoutOwner)
            : new OwnersView(found.Period, found.RunId, [.. owners.Owners.Where(b => scope.Covers(b.Owner))], new Dictionary<string, int>()));
    }

    [Function("ListOwnerCustomers")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<GradePage>, PushStreamHttpResult, NotModified, RefusedRequest, NotFoundProblem>> ListBookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "owners/{owner}/customers")] HttpRequest request,
        [AsParameters] OwnerBookInput input,
        CancellationToken cancellationToken) =>
        input.Refusal is { } refused
            ? refused
            : await listing.PageAsync(request.HttpContext, "customers", input.Filter(input.Owner.Value, needsOwner: false), input, cancellationToken);
}
