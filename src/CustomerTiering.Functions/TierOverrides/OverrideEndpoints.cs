using System.Globalization;
using CustomerTiering.Functions.Access;
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

    [Function("SetOverride")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<OverrideView>, RefusedRequest>> SetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/overrides/{customerId}")] HttpRequest request,
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

        var pinned = new StoredOverride(input.CustomerId.Value, asked!.Tier!, asked.Reason!.Trim(), expires, Caller.Of(request.HttpContext).AsActor(), now);
        await overrides.SetAsync(pinned, cancellationToken);
        return TypedResults.Ok(OverrideView.Of(pinned, today));
    }

    [Function("RemoveOverride")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<OverrideView>, RefusedRequest, NotFoundProblem>> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/overrides/{customerId}")] HttpRequest request,
        [AsParameters] OverrideInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        return await overrides.RemoveAsync(input.CustomerId.Value, Caller.Of(request.HttpContext).AsActor(), now, cancellationToken) is { } removed
            ? TypedResults.Ok(OverrideView.Of(removed, DateOnly.FromDateTime(now.UtcDateTime)))
            : new NotFoundProblem("No override", $"Customer '{input.CustomerId}' has no override.");
    }

    [Function("ListOverrides")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<List<OverrideView>>, PushStreamHttpResult, RefusedRequest>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/overrides")] HttpRequest request,
        [AsParameters] DownloadInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = (await overrides.ListAsync(cancellationToken)).Select(o => OverrideView.Of(o, today)).ToList();
        return SpreadsheetDownload.FormatOf(request, input.Format) is var format and not ListFormat.Json
            ? SpreadsheetDownload.Create(format, "overrides", OverrideHeader, all.Select(o => new object?[]
                { o.CustomerId, o.Tier, o.Reason, o.Expires, o.Active, o.SetBy.Name, o.SetBy.ObjectId, o.SetAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) }).ToAsyncEnumerable())
            : TypedResults.Ok(all);
    }

    private static readonly string[] OverrideHeader = ["customerId", "tier", "reason", "expires", "active", "setBy", "setById", "setAt"];

    [Function("GetOverrideAudit")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<IReadOnlyList<OverrideAuditEntry>>, RefusedRequest>> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/overrides/{customerId}/audit")] HttpRequest request,
        [AsParameters] OverrideInput input,
        CancellationToken cancellationToken) =>
        input.Refusal is { } refused ? refused : TypedResults.Ok(await overrides.AuditAsync(input.CustomerId.Value, cancellationToken));
}
