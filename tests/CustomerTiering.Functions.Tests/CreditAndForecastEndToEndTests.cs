using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Credit grades, the forecast and its backtest through upload, regrade and the API, on the demo shop (customers, orders and invoices uploaded).</summary>
[Collection(DemoShopApp.Collection)]
public sealed class CreditAndForecastEndToEndTests(DemoShopApp shop)
{
    private const string Period = DemoShopApp.October;

    [Fact]
    public async Task The_summary_counts_every_customer_once_per_credit_grade_and_warns_of_top_tier_customers_with_the_worst()
    {
        var summary = await shop.GetJsonAsync($"/api/tiers/summary?period={Period}", "en");

        var credit = summary.GetProperty("credit");
        var grades = credit.GetProperty("grades").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "C", "D", "NoHistory"], grades.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(summary.GetProperty("customers").GetInt32(), grades.Sum(g => g.GetProperty("customers").GetInt32()));
        Assert.Equal(summary.GetProperty("customers").GetInt32(),
            credit.GetProperty("byTier").EnumerateObject().Sum(tier => tier.Value.EnumerateObject().Sum(g => g.Value.GetInt32())));
        Assert.All(grades.Take(4), g => Assert.True(g.GetProperty("customers").GetInt32() > 0, $"nobody in credit grade {g.GetProperty("group")}"));

        var poorVips = credit.GetProperty("byTier").GetProperty("VIP").TryGetProperty("D", out var d) ? d.GetInt32() : 0;
        var warned = summary.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("code").GetString() == "TopTierPoorCredit").ToList();
        Assert.Equal(poorVips > 0, warned.Count == 1);
    }

    [Theory]
    [InlineData("D", "Credit D: paid ")]
    [InlineData("A", "Credit A: paid ")]
    [InlineData("none", "No credit history: no invoice on record, so no credit grade.")]
    public async Task The_credit_filter_lists_the_customers_of_a_grade_and_each_tells_why(string credit, string reasonStart)
    {
        var page = await shop.GetJsonAsync($"/api/customers?period={Period}&credit={credit}&pageSize=20", "en");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var grade = item.GetProperty("grade");
            Assert.Equal(credit == "none" ? "NoHistory" : credit, grade.GetProperty("creditGrade").GetString());
            Assert.Contains(grade.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString()!.StartsWith(reasonStart, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_customer_with_purchases_carries_the_forecast_and_the_run_its_models()
    {
        var vips = await shop.GetJsonAsync($"/api/customers?period={Period}&tier=VIP&pageSize=5", "zh");
        var vip = vips.GetProperty("items")[0].GetProperty("grade");

        var forecast = vip.GetProperty("forecast");
        Assert.InRange(forecast.GetProperty("aliveProbability").GetDouble(), 0, 1);
        Assert.True(forecast.GetProperty("expectedPurchases").GetDouble() > 0);
        Assert.True(forecast.GetProperty("expectedRevenue").GetDecimal() > 0);
        Assert.Contains(forecast.GetProperty("churnRisk").GetString(), new[] { "low", "medium", "high" });
        Assert.Contains(vip.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "forecast" && r.GetProperty("text").GetString()!.StartsWith("仍在购买的概率", StringComparison.Ordinal));

        var summary = await shop.GetJsonAsync($"/api/tiers/summary?period={Period}", "en");
        var models = summary.GetProperty("forecast");
        var purchases = models.GetProperty("purchases");
        Assert.True(purchases.GetProperty("converged").GetBoolean());
        Assert.All(new[] { "r", "alpha", "a", "b" }, p => Assert.True(purchases.GetProperty("model").GetProperty(p).GetDouble() > 0));
        Assert.True(purchases.GetProperty("logLikelihood").GetDouble() < 0);
        Assert.Equal(models.GetProperty("customers").GetInt32(), models.GetProperty("riskBands").EnumerateObject().Sum(b => b.Value.GetInt32()));

        // The demo's spend per customer is log-normal, heavier-tailed than Gamma-Gamma allows (q ≤ 1: no finite mean),
        // so spend per purchase falls back to each customer's own mean, and the run says so.
        var spend = models.GetProperty("spend").GetProperty("model");
        Assert.Equal(spend.GetProperty("q").GetDouble() <= 1, models.GetProperty("note").GetString()?.Contains("q ≤ 1", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_backtest_on_the_demo_shop_fits_before_the_split_and_compares_with_the_year_after()
    {
        using var response = await PostAsync("/api/manage/backtest?split=2025-10-31&horizonMonths=12", Who.Administrator);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-10-31", report.GetProperty("end").GetString());
        var buckets = report.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(report.GetProperty("customers").GetInt32(), buckets.Sum(b => b.GetProperty("customers").GetInt32()));
        Assert.Equal(report.GetProperty("actualPurchases").GetInt32(),
            (int)Math.Round(buckets.Sum(b => b.GetProperty("actualMean").GetDouble() * b.GetProperty("customers").GetInt32())));
        Assert.True(report.GetProperty("topDecileLift").GetDouble() > 1, report.GetRawText());
        Assert.True(report.GetProperty("purchases").GetProperty("converged").GetBoolean());
    }

    [Theory]
    [InlineData("/api/manage/backtest", "split")]
    [InlineData("/api/manage/backtest?split=31/10/2025", "split")]
    [InlineData("/api/manage/backtest?split=2026-06-30&horizonMonths=12", "split")]
    [InlineData("/api/manage/backtest?split=2025-06-30&horizonMonths=0", "horizonMonths")]
    [InlineData("/api/manage/backtest?split=2025-06-30&horizonMonths=x", "horizonMonths")]
    public async Task A_bad_backtest_request_gets_a_400_naming_the_parameter(string path, string field)
    {
        using var response = await PostAsync(path, Who.Administrator);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private Task<HttpResponseMessage> PostAsync(string path, Who caller) => shop.App.SendAsync(HttpMethod.Post, path, caller);
}
