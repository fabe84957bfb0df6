using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>A policy that grades within regions, applied through the API and run on a real Azurite through the dev host.</summary>
public sealed class GroupedGradingEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int Customers = 240;
    private RunningApp _app = null!;
    private RegradeClient _regrade = null!;

    public async Task InitializeAsync()
    {
        await SampleShop.SeedAsync(azurite.Account, Customers);
        _app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString);
        _regrade = new RegradeClient(_app, azurite.Account);
        // The top tier also gets a display name of its own, which the portal's sentences must use.
        var byRegion = TieringPolicyJson.Serialize(TieringPolicy.Default with
        {
            Version = "by-region-1",
            GroupBy = GradingGroup.Region,
            Tiers = TieringPolicy.Default.Tiers with
            {
                DisplayNames = new Dictionary<string, LocalizedText>(TieringPolicy.Default.Tiers.DisplayNames) { ["VIP"] = LocalizedText.Of("Platinum", "白金") },
            },
        });
        using var stored = await _app.SendAsync(HttpMethod.Put, "/api/manage/policy", Who.Administrator, new StringContent(byRegion, Encoding.UTF8, "application/json"));
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_run_graded_by_region_is_the_same_over_one_shard_or_many_and_the_portal_answers_each_regions_summary()
    {
        var single = await _regrade.RunAsync(new { period = "2026-03", shards = 1 });
        var sharded = await _regrade.RunAsync(new { period = "2026-03", shards = 5 });

        Assert.Equal(await _regrade.GradesAsync(single), await _regrade.GradesAsync(sharded));
        var runs = await Task.WhenAll(_regrade.GetRunAsync(single), _regrade.GetRunAsync(sharded));
        var grading = runs[0].GetProperty("summary").GetProperty("grading");
        Assert.Equal(grading.GetRawText(), runs[1].GetProperty("summary").GetProperty("grading").GetRawText());

        var whole = await GetJsonAsync("/api/tiers/summary?period=2026-03");
        Assert.Equal("region", whole.GetProperty("groupBy").GetString());
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("group").ValueKind);
        var groups = whole.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["East", "West"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(Customers, groups.Sum(g => g.GetProperty("customers").GetInt32()));
        Assert.Equal(whole.GetProperty("revenue").GetDecimal(), groups.Sum(g => g.GetProperty("revenue").GetDecimal()));
        foreach (var group in grading.GetProperty("groups").EnumerateArray())
        {
            var name = group.GetProperty("group").GetString()!;
            var own = group.GetProperty("summary");
            var answered = await GetJsonAsync($"/api/tiers/summary?period=2026-03&group={name}");
            Assert.Equal(name, answered.GetProperty("group").GetString());
            Assert.Equal(own.GetProperty("customers").GetInt32(), answered.GetProperty("customers").GetInt32());
            Assert.Equal(
                own.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("customers").GetInt32()),
                answered.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("customers").GetInt32()));
            Assert.Equal(own.GetProperty("kpis").GetProperty("concentration").GetRawText(), answered.GetProperty("kpis").GetProperty("concentration").GetRawText());
        }

        // Each region has its own VIPs: 1% of its 120 customers, rounded up, earn the top tier.
        using var vips = await _app.GetAsync("/api/customers?period=2026-03&tier=VIP");
        var vipItems = (await vips.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var vipRegions = vipItems.Select(c => c.GetProperty("region").GetString()).ToList();
        Assert.Contains("East", vipRegions);
        Assert.Contains("West", vipRegions);
        Assert.All(vipItems, c => Assert.StartsWith("Platinum: a value score", c.GetProperty("grade").GetProperty("reasons")[0].GetProperty("text").GetString(), StringComparison.Ordinal));
        using var inChinese = _app.Request(HttpMethod.Get, $"/api/customers/{vipItems[0].GetProperty("id").GetString()}?period=2026-03");
        inChinese.Headers.Add("Accept-Language", "zh-CN");
        using var vipInChinese = await _app.Client.SendAsync(inChinese);
        var told = (await vipInChinese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grade").GetProperty("reasons")[0].GetProperty("text").GetString();
        Assert.StartsWith("白金：", told, StringComparison.Ordinal);

        var customer = await GetJsonAsync("/api/customers/C0000?period=2026-03");
        Assert.Contains(customer.GetProperty("grade").GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("text").GetString() == "Graded within region East: ranks, tier cuts and shares count only that region's customers.");

        using var unknown = await _app.GetAsync("/api/tiers/summary?period=2026-03&group=North");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("East, West", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _app.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
