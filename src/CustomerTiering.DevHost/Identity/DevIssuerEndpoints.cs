namespace CustomerTiering.DevHost.Identity;

/// <summary>
/// The development issuer's HTTP side, on the dev host's front door: OpenID metadata and keys for the worker, and a
/// token endpoint that signs in one of the demo users by key (<c>POST /.dev-issuer/token</c> with <c>user=rep</c>),
/// for the dashboard's "sign in as" and for scripts. Anyone who can reach the loopback can act as anyone: local only.
/// </summary>
public static class DevIssuerEndpoints
{
    private static readonly string[] SigningAlgorithms = ["RS256"];

    public static void MapDevIssuer(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var issuer = routes.ServiceProvider.GetRequiredService<DevTokenIssuer>();
        var group = routes.MapGroup(DevTokenIssuer.PathBase);
        group.MapGet("/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Issuer.ToString(),
            ["jwks_uri"] = new Uri(issuer.Issuer, $"{DevTokenIssuer.PathBase}/keys").ToString(),
            ["token_endpoint"] = new Uri(issuer.Issuer, $"{DevTokenIssuer.PathBase}/token").ToString(),
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        group.MapGet("/keys", () => Results.Json(issuer.KeySet()));
        group.MapGet("/users", () => Results.Json(DevUser.Demo.Select(u => new { user = u.Key, u.Name, u.Username, u.Roles })));
        group.MapPost("/token", async (HttpRequest request) =>
        {
            var key = request.HasFormContentType ? (await request.ReadFormAsync())["user"].ToString() : request.Query["user"].ToString();
            return DevUser.Demo.FirstOrDefault(u => u.Key == key) is { } user
                ? Results.Json(new { access_token = issuer.Issue(user), token_type = "Bearer", expires_in = (int)DevTokenIssuer.Lifetime.TotalSeconds })
                : Results.Problem(statusCode: 400, title: "Unknown user",
                    detail: $"user is one of: {string.Join(", ", DevUser.Demo.Select(u => u.Key))}.");
        });
    }
}
