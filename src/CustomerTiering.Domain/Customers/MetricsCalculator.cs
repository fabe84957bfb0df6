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
        foreach (var order in distinct.Values)
        {
            if (order.Date > window.AsOf)
            {
                continue; // after the as-of date: not yet history
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
            History = PurchaseHistory.Of(distinct.Values, window.AsOf),
        };
    }
}
