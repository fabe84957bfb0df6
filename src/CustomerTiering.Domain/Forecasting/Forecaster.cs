using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits BG/NBD and Gamma-Gamma on every customer's purchase history and writes each customer's forecast into the run's
/// columns. Customers without a purchase (prospects) get none. Without a usable spend model (no repeat buyers, or
/// q ≤ 1, where the model's mean does not exist) a customer's expected spend per purchase is their own mean, or the
/// mean of all repeat buyers. A figure that is not finite is never kept: that customer gets no forecast.
/// </summary>
internal static class Forecaster
{
    private const double WeeksPerMonth = 52.1775 / 12;

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
        if (histories.Count < policy.MinCustomers)
        {
            return new ForecastSummary(policy.HorizonMonths, null, null, 0, 0m, bands,
                $"{histories.Count} customers with a purchase; the policy fits the models from {policy.MinCustomers}");
        }

        var purchases = BgNbdFitter.Fit(histories);
        if (!purchases.Converged)
        {
            return new ForecastSummary(policy.HorizonMonths, purchases, null, 0, 0m, bands, "the purchase model did not converge");
        }

        var spend = GammaGammaFitter.Fit(histories);
        var spendModel = spend is { Converged: true, Model.Q: > 1 } ? spend.Model : null;
        var repeatBuyers = histories.Where(h => h.RepeatPurchases > 0).ToList();
        var observedMean = repeatBuyers.Count > 0 ? (double)repeatBuyers.Average(h => h.MeanRepeatValue) : 0.0;
        var horizon = policy.HorizonMonths * WeeksPerMonth;
        var (forecast, total) = (0, 0m);
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers[i].History is not { } h)
            {
                continue;
            }

            var (x, tx, t) = (h.RepeatPurchases, h.LastPurchaseDay / BgNbdFitter.DaysPerWeek, h.AgeDays / BgNbdFitter.DaysPerWeek);
            var alive = purchases.Model.ProbabilityAlive(x, tx, t);
            var expected = purchases.Model.ExpectedPurchases(horizon, x, tx, t);
            var value = spendModel?.ExpectedValue(x, (double)h.MeanRepeatValue) ?? (x > 0 ? (double)h.MeanRepeatValue : observedMean);
            var revenue = expected * value;
            if (!double.IsFinite(alive) || !double.IsFinite(expected) || !double.IsFinite(revenue) || Math.Abs(revenue) > 1e15)
            {
                continue;
            }

            var risk = alive < policy.HighRiskBelow ? ChurnRisk.High : alive < policy.MediumRiskBelow ? ChurnRisk.Medium : ChurnRisk.Low;
            columns.AliveProbability[i] = (float)alive;
            columns.ExpectedPurchases[i] = (float)expected;
            columns.ExpectedRevenue[i] = Math.Round(revenue, 2);
            columns.Risk[i] = (byte)risk;
            bands[risk]++;
            forecast++;
            total += (decimal)columns.ExpectedRevenue[i];
        }

        return new ForecastSummary(policy.HorizonMonths, purchases, spend, forecast, total, bands,
            spendModel is null ? "no usable spend model (too few repeat buyers, or q ≤ 1): spend per purchase is the customer's own mean" : null);
    }
}
