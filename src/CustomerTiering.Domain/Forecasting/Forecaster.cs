using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits BG/NBD and Gamma-Gamma on every customer's purchase history and writes each customer's forecast into the run's
/// columns. Customers without a purchase (prospects) get none; neither does one whose figures would not be finite.
/// </summary>
internal static class Forecaster
{
    public static ForecastSummary Forecast(IReadOnlyList<CustomerMetrics> customers, ForecastPolicy policy, GradeColumns columns)
    {
        var histories = new List<PurchaseHistory>(customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers[i].History is { } history)
            {
                histories.Add(history);
            }
        }

        var bands = new Dictionary<ChurnRisk, int> { [ChurnRisk.Low] = 0, [ChurnRisk.Medium] = 0, [ChurnRisk.High] = 0 };
        var (fitted, purchases, why) = FittedForecast.Fit(histories, policy, policy.HorizonMonths);
        if (fitted is null)
        {
            return new ForecastSummary(policy.HorizonMonths, purchases, null, 0, 0m, bands, why);
        }

        // Each customer's forecast on its own, on every core; counted and summed after, in order.
        Parallel.For(0, customers.Count, i =>
        {
            if (customers[i].History is not { } h || fitted.Predict(h) is not var (alive, expected, revenue))
            {
                return;
            }

            columns.AliveProbability[i] = (float)alive;
            columns.ExpectedPurchases[i] = (float)expected;
            columns.ExpectedRevenue[i] = revenue;
            columns.Risk[i] = (byte)(alive < policy.HighRiskBelow ? ChurnRisk.High : alive < policy.MediumRiskBelow ? ChurnRisk.Medium : ChurnRisk.Low);
        });

        var (forecast, total) = (0, 0m);
        for (var i = 0; i < customers.Count; i++)
        {
            if (columns.Risk[i] != 0)
            {
                bands[(ChurnRisk)columns.Risk[i]]++;
                forecast++;
                total += (decimal)columns.ExpectedRevenue[i];
            }
        }

        var notFinite = histories.Count - forecast;
        var notes = new[] { fitted.Note, notFinite > 0 ? $"{notFinite} customers' figures were not finite under the fitted models: they have no forecast" : null };
        return new ForecastSummary(policy.HorizonMonths, fitted.Purchases, fitted.Spend, forecast, total, bands,
            notes.Any(n => n is not null) ? string.Join("; ", notes.OfType<string>()) : null);
    }
}
