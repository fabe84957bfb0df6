using System.Text;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Policies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The tiering policy: the current one, any stored version, and a new version from an administrator. A policy travels
/// as its own document (<see cref="TieringPolicyJson"/>, the format of <c>policy/</c>), so these answers declare its type
/// by attribute and write it as the document, and the new version is read and checked by its own parser.
/// </summary>
public sealed class PolicyEndpoints(PolicyStore policies, TimeProvider clock)
{
    [Function("GetPolicy")]
    [CallableBy(AppRoles.ReadAll, AppRoles.Administer)]
    [ProducesResponseType<TieringPolicy>(StatusCodes.Status200OK, "application/json")]
    public async Task<Results<ContentHttpResult, NotModified>> GetCurrentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "policy")] HttpRequest request, CancellationToken cancellationToken)
    {
        var policy = await policies.CurrentAsync(cancellationToken);
        return HttpCaching.Check(request.HttpContext, $"policy|{policy.Version}", current: true, null) is { } unchanged ? unchanged : Document(policy);
    }

    [Function("GetPolicyVersion")]
    [CallableBy(AppRoles.ReadAll, AppRoles.Administer)]
    [ProducesResponseType<TieringPolicy>(StatusCodes.Status200OK, "application/json")]
    public async Task<Results<ContentHttpResult, NotModified, RefusedRequest, NotFoundProblem>> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "policy/versions/{version}")] HttpRequest request,
        [AsParameters] PolicyVersionInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        // A stored version never changes: its ETag is its name.
        if (HttpCaching.Check(request.HttpContext, $"policy|{input.Version}", current: false, null) is { } unchanged)
        {
            return unchanged;
        }

        return await policies.GetAsync(input.Version, cancellationToken) is { } policy
            ? Document(policy)
            : new NotFoundProblem("Unknown policy version", $"There is no policy version '{input.Version}'.");
    }

    [Function("PutPolicy")]
    [CallableBy(AppRoles.Administer)]
    [Consumes(typeof(TieringPolicy), "application/json")]
    [ProducesResponseType<TieringPolicy>(StatusCodes.Status201Created, "application/json")]
    public async Task<Results<ContentHttpResult, RefusedRequest, ConflictProblem>> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/policy")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, refused) = await JsonBody.ReadBytesAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var parsed = TieringPolicyJson.Parse(Encoding.UTF8.GetString(body));
        if (parsed.Policy is not { } policy)
        {
            return RefusedRequest.Invalid(
                parsed.Violations.GroupBy(v => v.Path).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal),
                title: "The policy is not valid");
        }

        if (!await policies.SaveAsCurrentAsync(policy, Caller.Of(request.HttpContext).AsActor(), clock.GetUtcNow(), cancellationToken))
        {
            return new ConflictProblem("Version exists",
                $"Policy version '{policy.Version}' exists already; a version is never rewritten. Give the new policy a new version.");
        }

        request.HttpContext.Response.Headers.Location = $"/api/policy/versions/{Uri.EscapeDataString(policy.Version)}";
        return Document(policy, StatusCodes.Status201Created);
    }

    /// <summary>Every stored version, newest first, with the administrator who saved it and when.</summary>
    [Function("ListPolicyVersions")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Ok<IReadOnlyList<PolicyVersionRecord>>> ListVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/policy/versions")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.VersionsAsync(cancellationToken));

    private static ContentHttpResult Document(TieringPolicy policy, int status = StatusCodes.Status200OK) =>
        TypedResults.Text(TieringPolicyJson.Serialize(policy), "application/json", Encoding.UTF8, status);
}
