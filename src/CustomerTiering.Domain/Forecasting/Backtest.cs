using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Splits every customer's orders at a date, fits the forecast's models on what came before and compares their
/// predictions with what came after: the standard holdout check of BG/NBD (Fader, Hardie and Lee 2005, figure 4).
/// Customers whose first purchase is after the split are not in it: the models know nothing of them.
/// </summary>
public static class Backtest
{
    private const int LastBucket = 7;

    /// <summary>Splits and reports in one go (for books that fit in memory; see <see cref="Observe"/> for large ones).</summary>
    public static BacktestReport Run(IEnumerable<IReadOnlyCollection<Order>> customers, DateOnly split, int horizonMonths, ForecastPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return Report([.. customers.Select(c => Observe(c, split, horizonMonths)).OfType<BacktestCustomer>()], split, horizonMonths, policy);
    }

    /// <summary>One customer's history before the split and purchases after it; null for a customer with no purchase before the split.</summary>
    public static BacktestCustomer? Observe(IReadOnlyCollection<Order> orders, DateOnly split, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (PurchaseHistory.Of(orders, split) is not { } history)
        {
            return null;
        }

        var end = split.AddMonths(horizonMonths);
        var after = orders.Where(o => o.Date > split && o.Date <= end).ToList();
        return new BacktestCustomer(history, after.Where(o => o.NetAmount > 0).Select(o => o.Date).Distinct().Count(), after.Sum(o => o.NetAmount));
    }

    public static BacktestReport Report(List<BacktestCustomer> calibrated, DateOnly split, int horizonMonths, ForecastPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calibrated);
        ArgumentNullException.ThrowIfNull(policy);
        var end = split.AddMonths(horizonMonths);
        // The same order whatever order the customers came in: the fit pools them, the decile cut ranks them.
        calibrated = [.. calibrated.OrderBy(c => (c.History.RepeatPurchases, c.History.LastPurchaseDay, c.History.AgeDays, c.History.MeanRepeatValue, c.Purchases, c.Revenue))];
        var (fitted, purchases, why) = FittedForecast.Fit([.. calibrated.Select(c => c.History)], policy, horizonMonths);
        var actualPurchases = calibrated.Sum(c => c.Purchases);
        var actualRevenue = calibrated.Sum(c => c.Revenue);
        var perCustomer = calibrated.Count > 0 ? Math.Round(actualRevenue / calibrated.Count, 2) : 0m;
        if (fitted is null)
        {
            return new BacktestReport(split, end, horizonMonths, calibrated.Count, purchases, null, [], 0, actualPurchases, 0, 0m, actualRevenue, perCustomer, 0m, 0, why);
        }

        var predicted = calibrated.Select(c => fitted.Predict(c.History) ?? (0, 0, 0)).ToList();
        var buckets = Enumerable.Range(0, LastBucket + 1)
            .Select(b => (Bucket: b, Members: Enumerable.Range(0, calibrated.Count).Where(i => Math.Min(calibrated[i].History.RepeatPurchases, LastBucket) == b).ToList()))
            .Where(b => b.Members.Count > 0)
            .Select(b => new BacktestBucket(b.Bucket == LastBucket ? $"{LastBucket}+" : $"{b.Bucket}", b.Members.Count,
                Math.Round(b.Members.Average(i => predicted[i].Purchases), 4), Math.Round(b.Members.Average(i => (double)calibrated[i].Purchases), 4)))
            .ToList();
        var predictedPurchases = predicted.Sum(p => p.Purchases);

        // Top tenth by expected revenue; ties broken by the sorted position, which does not depend on the input order.
        var top = Enumerable.Range(0, calibrated.Count).OrderByDescending(i => predicted[i].Revenue).ThenBy(i => i).Take(Math.Max(1, calibrated.Count / 10)).ToList();
        var topPerCustomer = Math.Round(top.Sum(i => calibrated[i].Revenue) / top.Count, 2);
        return new BacktestReport(split, end, horizonMonths, calibrated.Count, fitted.Purchases, fitted.Spend, buckets,
            Math.Round(predictedPurchases, 2), actualPurchases, actualPurchases > 0 ? Math.Round((predictedPurchases - actualPurchases) / actualPurchases, 4) : 0,
            Math.Round((decimal)predicted.Sum(p => p.Revenue), 2), actualRevenue, perCustomer, topPerCustomer,
            perCustomer > 0 ? Math.Round((double)(topPerCustomer / perCustomer), 2) : 0, fitted.Note);
    }
}
