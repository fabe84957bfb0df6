using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Who may call what, through the dev host and the real worker: every HTTP function of <c>functions.metadata</c> is
/// called by every kind of caller, with good tokens and bad, and with the host's keys and a forged principal header,
/// which open nothing. The table below says again, on purpose, what each function's declaration should allow: a
/// changed declaration is a changed line here, and a function missing from the table fails.
/// </summary>
public sealed class AccessTests(AccessTests.Fixture fixture) : IClassFixture<AccessTests.Fixture>
{
    /// <summary>An app that may read the issuer's keys again a second after it last did (5 minutes by default).</summary>
    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["Authentication__KeyRefreshInterval"] = "00:00:01" };
    }

    private const string ReadAll = "Tiers.ReadAll";
    private const string ReadOwnBook = "Tiers.ReadOwnBook";
    private const string Upload = "Exports.Upload";
    private const string Administer = "Tiering.Administer";
    private const string Privacy = "Privacy.Requests";

    /// <summary>The roles that open each function; empty: anyone, without a token.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["GetDashboard"] = [],
        ["GetOpenApi"] = [],
        ["GetApiDocs"] = [],
        ["Health"] = [],
        ["HealthDetails"] = [Administer],
        ["GetCustomer"] = [ReadAll, ReadOwnBook],
        ["GetCustomerHistory"] = [ReadAll, ReadOwnBook],
        ["ListCustomers"] = [ReadAll, ReadOwnBook],
        ["ListMovements"] = [ReadAll, ReadOwnBook],
        ["GetTierSummary"] = [ReadAll, ReadOwnBook],
        ["ListOwners"] = [ReadAll, ReadOwnBook],
        ["ListOwnerCustomers"] = [ReadAll, ReadOwnBook],
        ["ListPeriods"] = [ReadAll, ReadOwnBook, Administer],
        ["GetPolicy"] = [ReadAll, Administer],
        ["GetPolicyVersion"] = [ReadAll, Administer],
        ["UploadExport"] = [Upload],
        ["PreviewExport"] = [Upload],
        ["GetIngestion"] = [Upload, Administer],
        ["GetIngestionReport"] = [Upload, Administer],
        ["GetRejectedRows"] = [Upload, Administer],
        ["ListIngestions"] = [Upload, Administer],
        ["PutPolicy"] = [Administer],
        ["ListPolicyVersions"] = [Administer],
        ["GetOwnerDirectory"] = [Administer],
        ["SetOwnerDirectoryEntry"] = [Administer],
        ["RemoveOwnerDirectoryEntry"] = [Administer],
        ["UploadOwnerDirectory"] = [Administer],
        ["SetOverride"] = [Administer],
        ["RemoveOverride"] = [Administer],
        ["ListOverrides"] = [Administer],
        ["GetOverrideAudit"] = [Administer],
        ["RequestRegrade"] = [Administer],
        ["GetRun"] = [Administer],
        ["ListRuns"] = [Administer],
        ["ResumeRun"] = [Administer],
        ["RunBacktest"] = [Administer],
        ["RequestErasure"] = [Privacy],
        ["ListErasures"] = [Privacy],
        ["GetErasure"] = [Privacy],
        ["GetPersonalData"] = [Privacy],
    };

    /// <summary>Callers whose token is good, each holding one role.</summary>
    private static readonly DevUser[] RoleHolders =
    [
        new("reads-all", "10000000-0000-4000-8000-000000000001", "Reads all", "all@example.com", [ReadAll]),
        new("uploads", "10000000-0000-4000-8000-000000000002", "Uploads", "up@example.com", [Upload]),
        new("administers", "10000000-0000-4000-8000-000000000003", "Administers", "admin@example.com", [Administer]),
        new("own-book", "10000000-0000-4000-8000-000000000004", "Own book", "rep@example.com", [ReadOwnBook]),
        new("privacy", "10000000-0000-4000-8000-000000000006", "Privacy", "dpo@example.com", [Privacy]),
        new("no-role", "10000000-0000-4000-8000-000000000005", "No role", "none@example.com", []),
    ];

    private static readonly FunctionAppDefinition Functions = FunctionAppLoader.Load(RepositoryPaths.BuildOutput("CustomerTiering.Functions"));

    private RunningApp App => fixture.App;

    private static IReadOnlyList<string> HttpFunctions { get; } =
        [.. Functions.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger)).Select(f => f.Name).Order(StringComparer.Ordinal)];

    public static TheoryData<string> HttpFunctionNames() => [.. HttpFunctions];

    [Fact]
    public void The_table_names_every_http_function_and_no_other()
    {
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), HttpFunctions);
    }

    [Theory]
    [MemberData(nameof(HttpFunctionNames))]
    public async Task Each_kind_of_caller_gets_what_the_function_declares(string name)
    {
        var function = Functions.Functions.Single(f => f.Name == name);
        var path = "/api/" + SampleRoute(function.Trigger.GetString("route")!);
        var method = new HttpMethod(function.Trigger.GetStrings("methods")[0].ToUpperInvariant());
        var roles = Allowed[name];
        var anonymous = roles.Length == 0;
        var wrong = new List<string>();

        foreach (var (caller, authorise) in BadCredentials())
        {
            var status = await SendAsync(method, path, authorise);
            if (anonymous ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{caller}: {(int)status}, expected {(anonymous ? "an answer" : "401")}");
            }
        }

        foreach (var holder in RoleHolders)
        {
            var token = App.Issuer.Issue(holder);
            var status = await SendAsync(method, path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
            var allowed = anonymous || holder.Roles.Any(roles.Contains);
            if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{holder.Key}: {(int)status}, expected {(allowed ? "an answer" : "403")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{method} {path}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_refused_token_gets_a_bearer_challenge_and_a_problem()
    {
        using var none = await App.SendAsync(HttpMethod.Get, "/api/periods", Who.Nobody);
        using var request = App.Request(HttpMethod.Get, "/api/periods", Who.Nobody);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Expired());
        using var expired = await App.Client.SendAsync(request);

        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_worker_has_not_seen_makes_it_read_the_issuers_keys_again()
    {
        using var before = await App.SendAsync(HttpMethod.Get, "/api/policy", Who.Manager);
        App.Issuer.RotateKey();
        var token = App.Issuer.Issue(RoleHolders[0]);

        // The unknown key id starts a refresh of the issuer's metadata in the background (IdentityModel's
        // ConfigurationManager); the request that met it may still be refused, the next ones are not.
        await Eventually.HoldsAsync(async () =>
        {
            using var request = App.Request(HttpMethod.Get, "/api/policy", Who.Nobody);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var after = await App.Client.SendAsync(request);
            return after.StatusCode == HttpStatusCode.OK;
        }, "a token signed with the new key to be accepted");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
    }

    [Fact]
    public async Task When_the_issuers_keys_cannot_be_read_a_token_gets_503_not_401()
    {
        // An issuer nobody listens at: nothing can be validated, and signing in again would not help.
        await using var app = await RunningApp.StartAsync(fixture.Azurite.ConnectionString, fixture.Azurite.ConnectionString, new Dictionary<string, string>
        {
            ["Authentication__Authority"] = "http://127.0.0.1:9/unreachable/v2.0",
            ["Authentication__Audience"] = DevTokenIssuer.Audience,
            ["Authentication__RequireHttpsMetadata"] = "false",
        });

        using var response = await app.SendAsync(HttpMethod.Get, "/api/periods", Who.Manager);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage> authorise)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        authorise(request);
        using var response = await App.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>What a caller without a good token might send instead.</summary>
    private IEnumerable<(string Caller, Action<HttpRequestMessage> Authorise)> BadCredentials()
    {
        var admin = RoleHolders[2];
        var claims = DevTokenIssuer.ClaimsOf(admin);
        var now = DateTime.UtcNow;
        using var stranger = RSA.Create(2048);
        var strangersKey = new RsaSecurityKey(stranger.ExportParameters(true)) { KeyId = App.Issuer.KeyId };
        string[] tokens =
        [
            Expired(),
            App.Issuer.Sign(claims, now.AddMinutes(-5), now.AddHours(1), audience: "api://some-other-app"),
            App.Issuer.Sign(claims, now.AddMinutes(-5), now.AddHours(1), issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            App.Issuer.Sign(claims, now.AddMinutes(-5), now.AddHours(1), key: strangersKey),
            App.Issuer.Sign(claims, now.AddHours(1), now.AddHours(2)),
            Unsigned(claims),
            "not-a-token",
        ];
        string[] names = ["expired", "wrong audience", "wrong issuer", "bad signature", "not yet valid", "unsigned (alg none)", "malformed"];
        yield return ("no token", _ => { });
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            yield return (names[i], r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
        }

        // App Service authentication's headers, as a caller could write them: an administrator with every role.
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","claims":[{"typ":"roles","val":"{{Administer}}"},{"typ":"roles","val":"{{ReadAll}}"},{"typ":"name","val":"Forger"}]}"""));
        yield return ("forged principal header", r =>
        {
            r.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
            r.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "forger@example.com");
            r.Headers.Add("X-MS-CLIENT-PRINCIPAL-ID", admin.ObjectId);
        });
        yield return ("function key", r => r.Headers.Add("x-functions-key", RunningApp.FunctionKey));
        yield return ("master key", r => r.Headers.Add("x-functions-key", RunningApp.MasterKey));
    }

    private string Expired() =>
        App.Issuer.Sign(DevTokenIssuer.ClaimsOf(RoleHolders[0]), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));

    private static string Unsigned(IDictionary<string, object> claims)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(claims));
        return $"{header}.{payload}.";
    }

    /// <summary>The route with a harmless value in each parameter: what the function answers then does not matter, only whether it was let in.</summary>
    private static string SampleRoute(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{\*?(\w+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "kind" => "orders",
            "id" => "C0001",
            "customerId" => "C0001",
            "owner" => "Li%20Na",
            "version" => "default-3",
            _ => "x",
        });
}
