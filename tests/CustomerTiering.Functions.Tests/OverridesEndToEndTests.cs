using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Storage.TierOverrides;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Administrators' tier overrides through the dev host: set, applied from the next run, shown, expired, audited, and part of the run's inputs.</summary>
public sealed class OverridesEndToEndTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>What a caller could put in App Service authentication's header to pass for someone else.</summary>
    private const string Forged = "ceo@example.com";
    private RunningApp App => fixture.App;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_override_applies_from_the_next_run_is_shown_first_expires_and_a_rerun_gives_the_same_grades()
    {
        await SampleShop.SeedAsync(fixture.Azurite.Account, 80);
        // An override that ended before the period's last day: it must say so, and not apply.
        await new OverrideStore(fixture.Azurite.Account).SetAsync(new StoredOverride("C0051", "VIP", "Promised at the spring fair", new DateOnly(2026, 2, 1), new CustomerTiering.Storage.Actor(null, "master key"), DateTimeOffset.UtcNow));
        using var set = await PutAsync("C0050", new { tier = "VIP", reason = "Strategic account: three-year contract in negotiation", expires = Day(Today.AddDays(30)) }, Forged);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var regrade = new RegradeClient(App, fixture.Azurite.Account);
        var first = await regrade.RunAsync(new { period = "2026-03" });
        var second = await regrade.RunAsync(new { period = "2026-03" });

        var pinned = await CustomerAsync("C0050");
        Assert.Equal("VIP", pinned.GetProperty("tier").GetString());
        Assert.NotEqual("VIP", pinned.GetProperty("computedTier").GetString());
        var reason = pinned.GetProperty("reasons")[0];
        Assert.Equal("overridden", reason.GetProperty("code").GetString());
        Assert.Contains("three-year contract", reason.GetProperty("text").GetString(), StringComparison.Ordinal);

        var expired = await CustomerAsync("C0051");
        Assert.Equal("overrideExpired", expired.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, expired.GetProperty("computedTier").ValueKind);
        Assert.NotEqual("VIP", expired.GetProperty("tier").GetString());

        Assert.Equal(await regrade.GradesAsync(first), await regrade.GradesAsync(second));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_the_signed_in_administrator_before_and_after()
    {
        using var first = await PutAsync("K/77", new { tier = "A", reason = "Key distributor", expires = Day(Today.AddDays(60)) }, Forged);
        using var second = await PutAsync("K/77", new { tier = "VIP", reason = "Key distributor, now exclusive", expires = Day(Today.AddDays(90)) }, Forged);
        using var removed = await SendAsync(HttpMethod.Delete, "/api/manage/overrides/K%2F77", null, principal: null);
        using var again = await SendAsync(HttpMethod.Delete, "/api/manage/overrides/K%2F77", null, principal: null);
        using var audit = await SendAsync(HttpMethod.Get, "/api/manage/overrides/K%2F77/audit", null, principal: null);
        var entries = await audit.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode, removed.StatusCode, again.StatusCode));
        Assert.Equal("VIP", (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tier").GetString());
        Assert.Equal(["Removed", "Changed", "Set"], entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        // The token says who; the principal header the caller also sent is not read.
        var admin = Callers.User(Who.Administrator);
        Assert.All(entries.EnumerateArray(), e => Assert.Equal((admin.ObjectId, admin.Name),
            (e.GetProperty("who").GetProperty("objectId").GetString(), e.GetProperty("who").GetProperty("name").GetString())));
        Assert.Equal("VIP", entries[0].GetProperty("before").GetProperty("tier").GetString());
        Assert.Equal(("A", "VIP"), (entries[1].GetProperty("before").GetProperty("tier").GetString(), entries[1].GetProperty("after").GetProperty("tier").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[2].GetProperty("before").ValueKind);
    }

    [Theory]
    [InlineData("""{"tier":"Platinum","reason":"x","expires":"+30"}""", "tier")]
    [InlineData("""{"tier":"VIP","expires":"+30"}""", "reason")]
    [InlineData("""{"tier":"VIP","reason":"x","expires":"+400"}""", "expires")]
    [InlineData("""{"tier":"VIP","reason":"x","expires":"-1"}""", "expires")]
    [InlineData("""{"tier":"VIP","reason":"x"}""", "expires")]
    public async Task A_bad_override_is_refused_naming_the_field(string template, string field)
    {
        var body = System.Text.RegularExpressions.Regex.Replace(template, @"""([+-]\d+)""", m => $"\"{Day(Today.AddDays(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))}\"");

        using var response = await SendAsync(HttpMethod.Put, "/api/manage/overrides/C0001", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Forged);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Overrides_need_the_administrator_role()
    {
        using var response = await App.SendAsync(HttpMethod.Get, "/api/manage/overrides", Who.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> CustomerAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/customers/{id}?period=2026-03", null, null, Who.Manager);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grade");
    }

    private Task<HttpResponseMessage> PutAsync(string customerId, object body, string? principal) =>
        SendAsync(HttpMethod.Put, $"/api/manage/overrides/{Uri.EscapeDataString(customerId)}", JsonContent.Create(body), principal);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? principal, Who caller = Who.Administrator)
    {
        using var request = App.Request(method, path, caller, content);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", principal);
        }

        return await App.Client.SendAsync(request);
    }
}
