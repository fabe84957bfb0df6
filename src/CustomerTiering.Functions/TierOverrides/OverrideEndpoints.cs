using System.Globalization;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.TierOverrides;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary>
/// Administrators pin a customer's tier (a salesperson knows the customer is worth more than the grade says): set,
/// remove and list overrides, and read each customer's audit trail. An override applies from the next run.
/// </summary>
public sealed class OverrideEndpoints(OverrideStore overrides, PolicyStore policies, TimeProvider clock)
{
    private const int MaxReasonLength = 500;

    /// <summary>App Service authentication's header naming the signed-in caller; without it, the master key is who.</summary>
    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    [Function("SetOverride")]
    public async Task<Results<Ok<OverrideView>, RefusedRequest>> SetAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "manage/overrides/{customerId}")] HttpRequest request,
        [AsParameters] SetOverrideInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var asked = input.Body;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tiers = (await policies.CurrentAsync(cancellationToken)).Tiers.Names;
        if (asked?.Tier is not { } tier || !tiers.Contains(tier, StringComparer.Ordinal))
        {
            errors["tier"] = [$"tier is one of the current policy's tiers: {string.Join(", ", tiers)}."];
        }

        if (asked?.Reason is not { } reason || string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"reason is required: why the customer is worth another tier, up to {MaxReasonLength} characters."];
        }

        if (!DateOnly.TryParseExact(asked?.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            || expires <= today || expires > today.AddYears(1))
        {
            errors["expires"] = [$"expires is required: a day (yyyy-MM-dd) after today and at most a year ahead, by {today.AddYears(1):yyyy-MM-dd}."];
        }

        if (errors.Count > 0)
        {
            return RefusedRequest.Invalid(errors);
        }

        var pinned = new StoredOverride(input.CustomerId.Value, asked!.Tier!, asked.Reason!.Trim(), expires, Who(request), now);
        await overrides.SetAsync(pinned, cancellationToken);
        return TypedResults.Ok(OverrideView.Of(pinned, today));
    }

    [Function("RemoveOverride")]
    public async Task<Results<Ok<OverrideView>, RefusedRequest, NotFoundProblem>> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "manage/overrides/{customerId}")] HttpRequest request,
        [AsParameters] OverrideInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        return await overrides.RemoveAsync(input.CustomerId.Value, Who(request), now, cancellationToken) is { } removed
            ? TypedResults.Ok(OverrideView.Of(removed, DateOnly.FromDateTime(now.UtcDateTime)))
            : new NotFoundProblem("No override", $"Customer '{input.CustomerId}' has no override.");
    }

    [Function("ListOverrides")]
    public async Task<Ok<List<OverrideView>>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "manage/overrides")] HttpRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok((await overrides.ListAsync(cancellationToken)).Select(o => OverrideView.Of(o, today)).ToList());
    }

    [Function("GetOverrideAudit")]
    public async Task<Results<Ok<IReadOnlyList<OverrideAuditEntry>>, RefusedRequest>> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "manage/overrides/{customerId}/audit")] HttpRequest request,
        [AsParameters] OverrideInput input,
        CancellationToken cancellationToken) =>
        input.Refusal is { } refused ? refused : TypedResults.Ok(await overrides.AuditAsync(input.CustomerId.Value, cancellationToken));

    /// <summary>Who made the change: the signed-in principal where App Service authentication passes one, else the key's kind.</summary>
    private static string Who(HttpRequest request) =>
        request.Headers[PrincipalHeader].ToString() is { Length: > 0 and <= 256 } principal ? principal : "master key";
}
