using System.Globalization;
using CustomerTiering.Testing;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (Debian's, driven by Playwright), against the dev host with the demo shop
/// uploaded and graded for two months: signing in, every chart, the numbers, the period and language switches. Screenshots
/// go to artifacts/test-results/.
/// </summary>
[Collection(DemoShopApp.Collection)]
public sealed class DashboardBrowserTests(DemoShopApp shop)
{
    [Fact]
    public async Task The_dashboard_signs_in_once_and_shows_the_apis_figures_in_every_chart_for_each_period_and_language()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = shop.App.Client.BaseAddress!.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync("/api/dashboard");
        await page.WaitForSelectorAsync("body[data-state=login]");
        await page.FillAsync("#token", "not-a-token");
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForSelectorAsync("#login-error:text('Your sign-in was refused or has expired.')");
        Assert.True(consoleErrors.All(e => e.Contains("401", StringComparison.Ordinal)), string.Join("\n", consoleErrors)); // the refused request
        consoleErrors.Clear();

        // The dev host's issuer offers its demo people: the manager reads every customer.
        await page.ClickAsync("#demo-users button[data-user=manager]");
        await page.WaitForSelectorAsync($"body[data-state=ready][data-period='{DemoShopApp.October}']");
        await AssertShowsAsync(page, DemoShopApp.October, "en");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-en.png"), FullPage = true });

        await page.SelectOptionAsync("#period", DemoShopApp.September);
        await page.WaitForSelectorAsync($"body[data-state=ready][data-period='{DemoShopApp.September}']");
        await AssertShowsAsync(page, DemoShopApp.September, "en");

        await page.ClickAsync("button[data-language=zh]");
        await page.WaitForSelectorAsync($"body[data-state=ready][data-language=zh][data-period='{DemoShopApp.September}']");
        Assert.Equal("等级金字塔", await page.TextContentAsync("[data-text=pyramid]"));
        await AssertShowsAsync(page, DemoShopApp.September, "zh");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-zh.png"), FullPage = true });

        // The token is kept for the browser session: a reload reads on without asking.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-state=ready]");
        Assert.False(await page.IsVisibleAsync("#login"));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task The_rep_signs_in_and_sees_her_own_book_only()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await (await browser.NewContextAsync(new() { BaseURL = shop.App.Client.BaseAddress!.ToString(), AcceptDownloads = true })).NewPageAsync();

        await page.GotoAsync("/api/dashboard");
        await page.ClickAsync("#demo-users button[data-user=rep]");
        await page.WaitForSelectorAsync($"body[data-state=ready][data-scope=book][data-period='{DemoShopApp.October}']");

        var book = await shop.GetJsonAsync($"/api/tiers/summary?period={DemoShopApp.October}", "en", Who.Rep);
        var all = await shop.GetJsonAsync($"/api/tiers/summary?period={DemoShopApp.October}", "en", Who.Manager);
        var owners = await shop.GetJsonAsync($"/api/owners?period={DemoShopApp.October}", "en", Who.Manager);
        var liNa = owners.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("owner").GetString() == "Li Na");
        Assert.Equal(liNa.GetProperty("customers").GetInt32(), book.GetProperty("customers").GetInt32());
        Assert.True(book.GetProperty("customers").GetInt32() < all.GetProperty("customers").GetInt32());
        Assert.Equal(book.GetProperty("customers").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("en")), await page.TextContentAsync("#tile-customers"));
        Assert.True(await page.IsVisibleAsync("#scope-note"));
        // The rising stars listed are hers.
        var stars = await shop.GetJsonAsync($"/api/customers?period={DemoShopApp.October}&risingStar=true&pageSize=10", "en", Who.Rep);
        Assert.All(stars.GetProperty("items").EnumerateArray(), c => Assert.Equal("Li Na", c.GetProperty("owner").GetString()));
        Assert.Equal(Math.Max(1, stars.GetProperty("items").GetArrayLength()), await page.Locator("#stars li").CountAsync());
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-rep.png"), FullPage = true });

        // The download button saves her book, and nothing else, as a workbook.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        Assert.Equal($"customers-{DemoShopApp.October}.xlsx", download.SuggestedFilename);
        var rows = MiniExcel.Query(await download.PathAsync(), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(book.GetProperty("customers").GetInt32(), rows.Count);
        Assert.All(rows, r => Assert.Equal("Li Na", r["owner"]));
    }

    [Fact]
    public async Task The_dashboards_files_are_served_with_their_types_and_nothing_else_is()
    {
        var client = shop.App.Client;
        using var page = await client.GetAsync("/api/dashboard");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal); // no CDN

        using var script = await client.GetAsync("/api/dashboard/dashboard.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("echarts", await script.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/dashboard.js");
        conditional.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);

        foreach (var path in new[] { "/api/dashboard/..%2Fhost.json", "/api/dashboard/../../host.json", "/api/dashboard/build.mjs", "/api/dashboard/dashboard.js%00.html" })
        {
            using var refused = await client.GetAsync(path);
            Assert.True(refused.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadRequest, $"{path}: {refused.StatusCode}");
            Assert.DoesNotContain("\"version\": \"2.0\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal); // host.json never leaks
        }
    }

    /// <summary>What the page shows equals what the API answers for the same period and language.</summary>
    private async Task AssertShowsAsync(IPage page, string period, string language)
    {
        var summary = await shop.GetJsonAsync($"/api/tiers/summary?period={period}", language);
        var tiers = summary.GetProperty("tiers").EnumerateArray().ToList();

        Assert.Equal(summary.GetProperty("customers").GetInt32().ToString("N0", CultureInfo.InvariantCulture), await page.TextContentAsync("#tile-customers"));
        Assert.Equal(Percent(summary.GetProperty("kpis").GetProperty("concentration").GetProperty("top20Percent").GetDouble()), await page.TextContentAsync("#tile-top20"));
        var rows = await page.QuerySelectorAllAsync("#tiers tbody tr");
        Assert.Equal(tiers.Count, rows.Count);
        for (var t = 0; t < tiers.Count; t++)
        {
            var cells = await rows[t].QuerySelectorAllAsync("td");
            Assert.Equal(tiers[t].GetProperty("group").GetString(), await cells[0].TextContentAsync());
            Assert.Equal(tiers[t].GetProperty("customers").GetInt32().ToString("N0", CultureInfo.InvariantCulture), await cells[1].TextContentAsync());
            Assert.Equal(tiers[t].GetProperty("revenueShare").GetDouble().ToString(CultureInfo.InvariantCulture), await cells[2].GetAttributeAsync("title"));
        }

        var credit = summary.GetProperty("credit");
        var creditGrades = credit.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("group").GetString()!).ToList();
        var creditRows = await page.QuerySelectorAllAsync("#credit tbody tr");
        Assert.Equal(tiers.Count, creditRows.Count);
        for (var t = 0; t < tiers.Count; t++)
        {
            var counts = credit.GetProperty("byTier").GetProperty(tiers[t].GetProperty("group").GetString()!);
            var cells = (await creditRows[t].QuerySelectorAllAsync("td")).Skip(1).ToList();
            for (var g = 0; g < creditGrades.Count; g++)
            {
                var expected = counts.TryGetProperty(creditGrades[g], out var n) ? n.GetInt32() : 0;
                Assert.Equal(expected.ToString("N0", CultureInfo.InvariantCulture), await cells[g].TextContentAsync());
            }
        }

        Assert.Equal(summary.GetProperty("forecast").GetProperty("riskBands").GetProperty("high").GetInt32().ToString("N0", CultureInfo.InvariantCulture),
            await page.TextContentAsync("#tile-risk"));

        // Every chart drew one mark per figure the API gave, as SVG in the page.
        var drawn = await page.EvaluateAsync<Dictionary<string, int>>("() => window.customerTiering.drawn()");
        var movements = summary.GetProperty("movements").EnumerateObject().ToList();
        var flowNodes = movements.Select(m => "from " + m.Name).Concat(movements.SelectMany(m => m.Value.EnumerateObject().Select(to => "to " + to.Name))).Distinct().Count();
        Assert.Equal(tiers.Count, drawn["chart-pyramid"]);
        Assert.Equal(summary.GetProperty("kpis").GetProperty("concentration").GetProperty("pareto").GetArrayLength(), drawn["chart-pareto"]);
        Assert.Equal(flowNodes, drawn["chart-flow"]);
        Assert.Equal(summary.GetProperty("rfmGrid").GetArrayLength(), drawn["chart-heatmap"]);
        foreach (var chart in drawn.Keys)
        {
            Assert.True(await page.Locator($"#{chart} svg path").CountAsync() > 0, $"{chart} has no SVG marks");
        }

        var warnings = summary.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("text").GetString()!).ToList();
        var shown = await page.Locator("#warnings li:not(.empty)").AllTextContentsAsync();
        Assert.Equal(warnings, shown);
        var stars = await shop.GetJsonAsync($"/api/customers?period={period}&risingStar=true&pageSize=10", language);
        var starIds = stars.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var starsShown = await page.Locator("#stars li:not(.empty)").AllTextContentsAsync();
        Assert.Equal(starIds, starsShown.Select(text => text.Split(' ')[0]));
        Assert.Equal(language == "zh" ? "zh-CN" : "en", await page.GetAttributeAsync("html", "lang"));
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
