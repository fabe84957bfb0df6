using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class ForecastGradingTests
{
    private static CustomerMetrics[] Simulated(int count, int seed)
    {
        var histories = ForecastModelTests.Simulate(new BgNbdModel(0.6, 4, 0.7, 2.5), new GammaGammaModel(4, 5, 60), count, seed);
        return [.. RandomCustomers.Make(seed, count).Select((c, i) => c.History is null && c.OrderCount == 0 && i % 7 == 0 ? c : c with { History = histories[i] })];
    }

    [Fact]
    public void Every_customer_with_a_purchase_gets_a_finite_forecast_and_prospects_get_none()
    {
        var customers = Simulated(3000, 11);

        var result = Grading.Grade(customers);

        var forecast = result.Summary.Forecast!;
        Assert.Null(forecast.Note);
        Assert.True(forecast.Purchases!.Converged);
        Assert.True(forecast.Spend!.Converged);
        Assert.Equal(customers.Count(c => c.History is not null), forecast.Customers);
        Assert.Equal(forecast.Customers, forecast.RiskBands.Values.Sum());
        foreach (var (customer, grade) in customers.Zip(result.Grades))
        {
            if (customer.History is not { } h)
            {
                Assert.Null(grade.Forecast);
                continue;
            }

            var f = grade.Forecast!.Value;
            Assert.InRange(f.ProbabilityAlive, 0, 1);
            Assert.True(double.IsFinite(f.ExpectedPurchases) && f.ExpectedPurchases >= 0);
            Assert.True(f.ExpectedRevenue >= 0);
            Assert.Equal(h.RepeatPurchases == 0 ? 1.0 : forecast.Purchases.Model.ProbabilityAlive(h.RepeatPurchases, h.LastPurchaseDay / 7.0, h.AgeDays / 7.0), f.ProbabilityAlive, 1e-6);
            Assert.Equal(f.ProbabilityAlive < 0.3 ? ChurnRisk.High : f.ProbabilityAlive < 0.7 ? ChurnRisk.Medium : ChurnRisk.Low, f.Risk);
        }

        var someone = result.Grades.First(g => g.Forecast is { Risk: ChurnRisk.High });
        var told = ReasonRenderer.Render(GradeExplainer.Explain(someone, TieringPolicy.Default).Single(r => r.Code == ReasonCode.Forecast), ReasonLanguage.English, DisplayNames.Default);
        Assert.Matches(@"^Likely still buying: \d+(\.\d)?% \(churn risk high\); expected \d+\.\d purchase\(s\) and [\d,]+\.\d\d of revenue in the next 12 months\.$", told);
    }

    [Fact]
    public void Too_few_customers_to_fit_leave_everyone_without_a_forecast_and_the_summary_says_why()
    {
        var result = Grading.Grade(Simulated(30, 3));

        Assert.All(result.Grades, g => Assert.Null(g.Forecast));
        Assert.Contains("the policy fits the models from 50", result.Summary.Forecast!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forecast_is_the_same_whatever_order_the_customers_come_in()
    {
        var customers = Simulated(800, 5);
        var inOrder = Grading.Grade(customers);
        var shuffled = Grading.Grade(RandomCustomers.Shuffled(customers, 9));

        var byId = shuffled.Grades.ToDictionary(g => g.Id);
        Assert.All(inOrder.Grades, g => Assert.Equal(g.Forecast, byId[g.Id].Forecast));
        Assert.Equal(inOrder.Summary.Forecast!.Purchases, shuffled.Summary.Forecast!.Purchases);
    }

    public static TheoryData<string> Degenerate() => ["nobody repeats", "everyone alike", "one buyer repeats", "all on one day", "huge counts"];

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void Degenerate_histories_never_fail_the_run_the_models_fit_or_the_summary_says_why(string shape)
    {
        var customers = Enumerable.Range(0, 200).Select(i => Customer.Called($"D{i:000}").Build() with
        {
            History = shape switch
            {
                "nobody repeats" => new PurchaseHistory(0, 0, 30 + i, 0m),
                "everyone alike" => new PurchaseHistory(3, 70, 100, 50m),
                "one buyer repeats" => i == 0 ? new PurchaseHistory(5, 90, 120, 80m) : new PurchaseHistory(0, 0, 120, 0m),
                "all on one day" => new PurchaseHistory(0, 0, 0, 0m),
                _ => new PurchaseHistory(5000 + i, 700, 730, 1m),
            },
        }).ToArray();

        var result = Grading.Grade(customers);

        var forecast = result.Summary.Forecast!;
        Assert.True(forecast.Customers > 0 || forecast.Note is not null, $"{shape}: neither a forecast nor a reason");
        Assert.All(result.Grades.Where(g => g.Forecast is not null), g =>
        {
            Assert.InRange(g.Forecast!.Value.ProbabilityAlive, 0, 1);
            Assert.True(double.IsFinite(g.Forecast.Value.ExpectedPurchases));
        });
    }
}
