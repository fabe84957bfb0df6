namespace CustomerTiering.Domain.Customers;

/// <summary>Folds one customer's orders into <see cref="CustomerMetrics"/> for a window.</summary>
public static class MetricsCalculator
{
    /// <summary>Takes all of one customer's orders in any order; an order id seen twice counts once (the last one wins).</summary>
    public static CustomerMetrics Calculate(CustomerProfile profile, IEnumerable<Order> orders, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(window);
        var distinct = new Dictionary<string, Order>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            distinct[order.OrderId] = order;
        }

        DateOnly? first = null;
        DateOnly? last = null;
        int count = 0;
        decimal revenue = 0m, previous = 0m, margin = 0m;
        var hasMargin = false;
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var purchaseDays = new SortedDictionary<DateOnly, decimal>();
        foreach (var order in distinct.Values)
        {
            if (order.Date > window.AsOf)
            {
                continue; // after the as-of date: not yet history
            }

            if (order.NetAmount > 0)
            {
                purchaseDays[order.Date] = purchaseDays.GetValueOrDefault(order.Date) + order.NetAmount;
            }

            // A return is not a purchase: it lowers revenue but is not an order placed or a product bought.
            // Any order, even a return, means the customer has bought from us: not a prospect.
            first = first is null || order.Date < first ? order.Date : first;
            var purchase = order.NetAmount > 0;
            if (purchase)
            {
                last = last is null || order.Date > last ? order.Date : last;
            }

            if (order.Date >= window.Start)
            {
                revenue += order.NetAmount;
                if (order.Margin is { } m)
                {
                    margin += m;
                    hasMargin = true;
                }

                if (purchase)
                {
                    count++;
                    if (!string.IsNullOrWhiteSpace(order.Category))
                    {
                        categories.Add(order.Category.Trim());
                    }
                }
            }
            else if (order.Date >= window.PreviousStart)
            {
                previous += order.NetAmount;
            }
        }

        return new CustomerMetrics(profile, first, last, count, revenue, hasMargin ? margin : null, categories.Count, previous)
        {
            History = HistoryOf(purchaseDays, window.AsOf),
        };
    }

    /// <summary>Purchase days over all history, as the forecasting models count them: one transaction per day bought on.</summary>
    private static PurchaseHistory? HistoryOf(SortedDictionary<DateOnly, decimal> purchaseDays, DateOnly asOf)
    {
        if (purchaseDays.Count == 0)
        {
            return null;
        }

        var first = purchaseDays.Keys.First();
        var last = purchaseDays.Keys.Last();
        var repeatSpend = purchaseDays.Values.Sum() - purchaseDays[first];
        var repeat = purchaseDays.Count - 1;
        return new PurchaseHistory(repeat, last.DayNumber - first.DayNumber, asOf.DayNumber - first.DayNumber, repeat > 0 ? Math.Round(repeatSpend / repeat, 2) : 0m);
    }
}
