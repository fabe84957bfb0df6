using System.Text;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Policies;

namespace CustomerTiering.Functions.Portal;

/// <summary>The tiering policy: the current one, any stored version, and a new version from an administrator.</summary>
public static class PolicyEndpoints
{
    private const int MaxPolicyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/policy", GetCurrentAsync).WithName("GetPolicy")
            .Produces<TieringPolicy>().Produces(304);
        endpoints.MapGet("/api/policy/versions/{version}", GetVersionAsync).WithName("GetPolicyVersion")
            .Produces<TieringPolicy>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapPut("/api/manage/policy", PutAsync).WithName("PutPolicy")
            .Accepts<TieringPolicy>("application/json")
            .Produces<TieringPolicy>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        return endpoints;
    }

    internal static async Task<IResult> GetCurrentAsync(HttpContext context, PolicyStore policies, CancellationToken cancellationToken)
    {
        var policy = await policies.CurrentAsync(cancellationToken);
        return await HttpCaching.ConditionalAsync(context, $"policy|{policy.Version}", current: true, null, () => Task.FromResult(Json(policy)));
    }

    internal static async Task<IResult> GetVersionAsync(string version, HttpContext context, PolicyStore policies, CancellationToken cancellationToken)
    {
        if (version.Length is 0 or > 64)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["A policy version is 1 to 64 characters."] });
        }

        // A stored version never changes: its ETag is its name.
        return await HttpCaching.ConditionalAsync(context, $"policy|{version}", current: false, null, async () =>
            await policies.GetAsync(version, cancellationToken) is { } policy
                ? Json(policy)
                : Results.Problem(statusCode: 404, title: "Unknown policy version", detail: $"There is no policy version '{version}'."));
    }

    internal static async Task<IResult> PutAsync(HttpRequest request, PolicyStore policies, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: 415, title: "Not JSON", detail: "Send the policy as application/json.");
        }

        var body = await BoundedBody.ReadAsync(request, MaxPolicyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: 413, title: "Policy too large", detail: $"A policy is at most {MaxPolicyBytes} bytes.");
        }

        var parsed = TieringPolicyJson.Parse(Encoding.UTF8.GetString(body));
        if (parsed.Policy is not { } policy)
        {
            return Results.ValidationProblem(
                parsed.Violations.GroupBy(v => v.Path).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal),
                title: "The policy is not valid");
        }

        if (!await policies.SaveAsCurrentAsync(policy, cancellationToken))
        {
            return Results.Problem(statusCode: 409, title: "Version exists",
                detail: $"Policy version '{policy.Version}' exists already; a version is never rewritten. Give the new policy a new version.");
        }

        request.HttpContext.Response.Headers.Location = $"/api/policy/versions/{Uri.EscapeDataString(policy.Version)}";
        return Results.Text(TieringPolicyJson.Serialize(policy), "application/json", Encoding.UTF8, 201);
    }

    private static IResult Json(TieringPolicy policy) => Results.Text(TieringPolicyJson.Serialize(policy), "application/json", Encoding.UTF8);

}
