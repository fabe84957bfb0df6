using System.Text.Json;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The dashboard as deployed with a Microsoft Entra registration: it offers "Sign in with Microsoft" and sends the
/// person to the tenant with the app's client id, the API's scope, its own address to come back to and a PKCE
/// challenge. The tenant is played by the browser's request routing: this machine has no way out.
/// </summary>
public sealed class DashboardEntraSignInTests(DashboardEntraSignInTests.Fixture fixture) : IClassFixture<DashboardEntraSignInTests.Fixture>
{
    private const string Tenant = "00000000-0000-4000-8000-00000000aaaa";
    private const string Authority = "https://login.microsoftonline.com/" + Tenant;
    private const string ClientId = "11111111-2222-4333-8444-555555555555";
    private const string Scope = "api://66666666-7777-4888-9999-000000000000/access_as_user";

    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Dashboard__ClientId"] = ClientId, ["Dashboard__Authority"] = Authority, ["Dashboard__Scope"] = Scope,
        };
    }

    [Fact]
    public async Task Sign_in_with_microsoft_sends_the_person_to_the_tenant_with_the_apps_registration_and_a_pkce_challenge()
    {
        using var page = await fixture.App.Client.GetAsync("/api/dashboard");
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await using var browser = await HeadlessChromium.LaunchAsync();
        var origin = fixture.App.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var tab = await (await browser.NewContextAsync(new() { BaseURL = origin })).NewPageAsync();
        var authorize = new TaskCompletionSource<Uri>();
        await tab.RouteAsync("https://login.microsoftonline.com/**", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.AbsolutePath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new()
                {
                    Status = 200, ContentType = "application/json", Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
                    Body = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["issuer"] = $"{Authority}/v2.0", ["authorization_endpoint"] = $"{Authority}/oauth2/v2.0/authorize",
                        ["token_endpoint"] = $"{Authority}/oauth2/v2.0/token", ["end_session_endpoint"] = $"{Authority}/oauth2/v2.0/logout",
                        ["jwks_uri"] = $"{Authority}/discovery/v2.0/keys", ["response_types_supported"] = new[] { "code" },
                    }),
                });
            }
            else
            {
                authorize.TrySetResult(url);
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<p>the tenant's sign-in page</p>" });
            }
        });

        await tab.GotoAsync("/api/dashboard");
        await tab.ClickAsync("#entra-sign-in");
        var sent = await authorize.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var query = System.Web.HttpUtility.ParseQueryString(sent.Query);
        Assert.Equal($"{Authority}/oauth2/v2.0/authorize", sent.GetLeftPart(UriPartial.Path));
        Assert.Equal((ClientId, "code", $"{origin}/api/dashboard", "S256"), (query["client_id"], query["response_type"], query["redirect_uri"], query["code_challenge_method"]));
        Assert.Contains(Scope, query["scope"]!.Split(' '));
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
    }
}
