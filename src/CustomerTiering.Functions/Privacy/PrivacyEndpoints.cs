using CustomerTiering.Domain.Customers;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// People's requests about their data (docs/privacy.md): erase customers everywhere, follow the requests, and collect
/// everything held about one customer. An erasure is recorded at once (from then on no ingestion or run takes them
/// in) and applied by <see cref="ErasureFunctions"/>, together with every other pending request.
/// </summary>
public sealed class PrivacyEndpoints(ErasedCustomers erased, ErasureRequests requests, ErasureMessages messages, SubjectAccess access, TimeProvider clock)
{
    /// <summary>A request holds at most this many ids; more go in several requests, which are applied together anyway.</summary>
    public const int MaxCustomersPerRequest = 1000;

    [Function("RequestErasure")]
    [CallableBy(AppRoles.Privacy)]
    public async Task<Results<Accepted<ErasureRequest>, RefusedRequest>> RequestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/privacy/erasures")] HttpRequest request,
        [AsParameters] ErasureInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var asked = input.Body?.CustomerIds ?? [];
        var problems = asked.Select((id, i) => CustomerId.TryCreate(id, out _, out var error) ? null : $"customerIds[{i}]: {error}.").OfType<string>().ToList();
        if (asked.Count is 0 or > MaxCustomersPerRequest || problems.Count > 0)
        {
            return RefusedRequest.Invalid(new Dictionary<string, string[]>
            {
                ["customerIds"] = [$"customerIds is a list of 1 to {MaxCustomersPerRequest} customer ids.", .. problems.Take(20)],
            });
        }

        var ids = asked.Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        // Remembered first: from this moment ingestion and regrading skip them, whatever happens to the request after.
        await erased.AddAsync(ids, now, cancellationToken);
        var recorded = new ErasureRequest
        {
            Id = ErasureRequests.NewId(now), RequestedAt = now, RequestedBy = Caller.Of(request.HttpContext).AsActor(), Customers = ids.Count, Status = ErasureStatus.Pending,
        };
        await requests.CreateAsync(recorded, new ErasureSubjects(ids), cancellationToken);
        await messages.SendAsync(recorded.Id, cancellationToken: cancellationToken);
        return TypedResults.Accepted($"/api/manage/privacy/erasures/{recorded.Id}", recorded);
    }

    [Function("ListErasures")]
    [CallableBy(AppRoles.Privacy)]
    public async Task<Ok<IReadOnlyList<ErasureRequest>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/privacy/erasures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await requests.RecentAsync(100, cancellationToken));

    [Function("GetErasure")]
    [CallableBy(AppRoles.Privacy)]
    public async Task<Results<Ok<ErasureRequest>, RefusedRequest, NotFoundProblem>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/privacy/erasures/{id}")] HttpRequest request,
        [AsParameters] ErasureIdInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        return await requests.GetAsync(input.Id!, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : new NotFoundProblem("Unknown erasure request", $"No erasure request {input.Id}.");
    }

    /// <summary>Everything held about the customer: an empty answer for one the product knows nothing of (or has erased).</summary>
    [Function("GetPersonalData")]
    [CallableBy(AppRoles.Privacy)]
    public async Task<Results<Ok<PersonalDataView>, RefusedRequest>> PersonalDataAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/privacy/customers/{customerId}")] HttpRequest request,
        [AsParameters] PersonalDataInput input,
        CancellationToken cancellationToken) =>
        input.Refusal is { } refused ? refused : TypedResults.Ok(await access.CollectAsync(input.CustomerId.Value, cancellationToken));
}
