using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A person's data through the dev host on Azurite: exports ingested, two periods graded, an override set; the
/// subject-access answer names every place a scan of the whole account finds them; the erasure leaves none, the others'
/// grades as they were, and neither a regrade nor the same exports uploaded again brings them back.
/// </summary>
public sealed class ErasureEndToEndTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private RunningApp App => fixture.App;

    [Fact]
    public async Task Erased_customers_are_nowhere_after_the_erasure_the_access_answer_named_every_place_and_they_do_not_come_back()
    {
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(App, "customers", ErasureShop.CustomersCsv()));
        Assert.Equal("partiallySucceeded", await ExportUploads.IngestAsync(App, "orders", ErasureShop.OrdersCsv()));
        var regrade = new RegradeClient(App, fixture.Account);
        var january = await regrade.RunAsync(new { period = "2026-01" });
        using (var pin = await App.SendAsync(HttpMethod.Put, "/api/manage/overrides/C007", Who.Administrator,
                   JsonContent.Create(new { tier = "VIP", reason = "Wang Fang's framework contract", expires = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        }

        var february = await regrade.RunAsync(new { period = "2026-02" });
        var before = await ErasureShop.ScanAsync(fixture.Account);
        var places = string.Join("\n", before);
        Assert.True(before.Any(p => p.StartsWith("table Customers", StringComparison.Ordinal)), places);
        Assert.True(before.Any(p => p.StartsWith("blob snapshots/", StringComparison.Ordinal) && p.EndsWith(".parquet", StringComparison.Ordinal)), places);

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _, _) in ErasureShop.Subjects)
        {
            using var access = await App.SendAsync(HttpMethod.Get, $"/api/manage/privacy/customers/{id}", Who.PrivacyOfficer);
            Assert.Equal(HttpStatusCode.OK, access.StatusCode);
            var view = await access.Content.ReadFromJsonAsync<JsonElement>();
            named.UnionWith(view.GetProperty("rows").EnumerateArray().Select(r =>
                $"table {r.GetProperty("table").GetString()} {r.GetProperty("partitionKey").GetString()}/{r.GetProperty("rowKey").GetString()}"));
            named.UnionWith(view.GetProperty("files").EnumerateArray().Select(f => $"blob {f.GetProperty("container").GetString()}/{f.GetProperty("path").GetString()}"));
        }

        Assert.Empty(before.Except(named));
        var (januaryBefore, februaryBefore) = (await Others(regrade, january), await Others(regrade, february));

        using (var refused = await App.SendAsync(HttpMethod.Post, "/api/manage/privacy/erasures", Who.Administrator, JsonContent.Create(new { customerIds = new[] { "C007" } })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var record = await ErasureShop.EraseAsync(App, ErasureShop.Subjects.Select(s => s.Id));
        Assert.Equal(3, record.GetProperty("customers").GetInt32());
        Assert.Equal(Callers.User(Who.PrivacyOfficer).Name, record.GetProperty("requestedBy").GetProperty("name").GetString());
        Assert.Empty(await ErasureShop.ScanAsync(fixture.Account));
        Assert.Equal(januaryBefore, await Others(regrade, january));
        Assert.Equal(februaryBefore, await Others(regrade, february));

        var again = await regrade.RunAsync(new { period = "2026-02" });
        var regraded = await regrade.GradesAsync(again);
        Assert.Equal(27, regraded.Count);
        Assert.DoesNotContain(regraded.Keys, id => ErasureShop.Subjects.Any(s => s.Id == id));

        using var reupload = await App.SendAsync(HttpMethod.Post, "/api/exports/customers?name=customers-again.csv", Who.Portal, ExportUploads.Body(ErasureShop.CustomersCsv()));
        var statusUrl = (await reupload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        var ingestion = await Eventually.ReturnsAsync(async () =>
        {
            var body = await (await App.GetAsync(statusUrl)).Content.ReadAsStringAsync();
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "succeeded" ? body : null;
        }, "the customers to be ingested again");
        var ingested = JsonDocument.Parse(ingestion).RootElement;
        Assert.Equal((27, 3), (ingested.GetProperty("rows").GetInt32(), ingested.GetProperty("erased").GetInt32()));
        // The new upload itself holds them (the uploader sent it); nothing the product made from it does.
        var left = Assert.Single(await ErasureShop.ScanAsync(fixture.Account));
        Assert.True(left.StartsWith("blob exports/", StringComparison.Ordinal) && left.EndsWith("-customers-again.csv", StringComparison.Ordinal), left);
    }

    private static async Task<SortedDictionary<string, string>> Others(RegradeClient regrade, string runId) =>
        new((await regrade.GradesAsync(runId)).Where(g => ErasureShop.Subjects.All(s => s.Id != g.Key)).ToDictionary(), StringComparer.Ordinal);
}
