using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Credit grades and the forecast through upload, regrade and the portal, on the demo shop (customers, orders and invoices uploaded).</summary>
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
        Assert.Contains(forecast.GetProperty("churnRisk").GetString(), new[] { "Low", "Medium", "High" });
        Assert.Contains(vip.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "Forecast" && r.GetProperty("text").GetString()!.StartsWith("仍在购买的概率", StringComparison.Ordinal));

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
}
