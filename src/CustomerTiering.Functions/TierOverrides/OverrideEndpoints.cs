using System.Globalization;
using System.Text.Json;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary>
/// Administrators pin a customer's tier (a salesperson knows the customer is worth more than the grade says): set,
/// remove and list overrides, and read each customer's audit trail. An override applies from the next run. The
/// functions in <see cref="OverrideFunctions"/> call these; <see cref="MapOverrides"/> describes them.
/// </summary>
public static class OverrideEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxReasonLength = 500;

    /// <summary>App Service authentication's header naming the signed-in caller; without it, the master key is who.</summary>
    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOverrides(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/api/manage/overrides/{customerId}", SetAsync).WithName("SetOverride")
            .Accepts<OverrideRequest>("application/json").Produces<OverrideView>().ProducesValidationProblem().ProducesProblem(413);
        endpoints.MapDelete("/api/manage/overrides/{customerId}", RemoveAsync).WithName("RemoveOverride")
            .Produces<OverrideView>().ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/manage/overrides", ListAsync).WithName("ListOverrides")
            .Produces<IReadOnlyList<OverrideView>>();
        endpoints.MapGet("/api/manage/overrides/{customerId}/audit", AuditAsync).WithName("GetOverrideAudit")
            .Produces<IReadOnlyList<OverrideAuditEntry>>().ProducesProblem(400);
        return endpoints;
    }

    internal static async Task<IResult> SetAsync(
        string customerId, HttpRequest request, OverrideStore overrides, PolicyStore policies, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        customerId = CustomerRouteId.Decode(customerId);
        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: 413, title: "Body too large", detail: $"An override is at most {MaxBodyBytes / 1024} KiB.");
        }

        OverrideRequest? asked;
        try
        {
            asked = JsonSerializer.Deserialize<OverrideRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Not an override: {ex.Message}"] });
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CustomerRouteId.Check(customerId, "customerId", errors);
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
            return Results.ValidationProblem(errors);
        }

        var pinned = new StoredOverride(customerId, asked!.Tier!, asked.Reason!.Trim(), expires, Who(request), now);
        await overrides.SetAsync(pinned, cancellationToken);
        return Results.Ok(OverrideView.Of(pinned, today));
    }

    internal static async Task<IResult> RemoveAsync(string customerId, HttpRequest request, OverrideStore overrides, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        customerId = CustomerRouteId.Decode(customerId);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CustomerRouteId.Check(customerId, "customerId", errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        return await overrides.RemoveAsync(customerId, Who(request), now, cancellationToken) is { } removed
            ? Results.Ok(OverrideView.Of(removed, DateOnly.FromDateTime(now.UtcDateTime)))
            : Results.Problem(statusCode: 404, title: "No override", detail: $"Customer '{customerId}' has no override.");
    }

    internal static async Task<IResult> ListAsync(OverrideStore overrides, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Results.Ok((await overrides.ListAsync(cancellationToken)).Select(o => OverrideView.Of(o, today)).ToList());
    }

    internal static async Task<IResult> AuditAsync(string customerId, OverrideStore overrides, CancellationToken cancellationToken)
    {
        customerId = CustomerRouteId.Decode(customerId);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CustomerRouteId.Check(customerId, "customerId", errors);
        return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(await overrides.AuditAsync(customerId, cancellationToken));
    }

    /// <summary>Who made the change: the signed-in principal where App Service authentication passes one, else the key's kind.</summary>
    private static string Who(HttpRequest request) =>
        request.Headers[PrincipalHeader].ToString() is { Length: > 0 and <= 256 } principal ? principal : "master key";
}
