namespace CustomerTiering.Domain.Customers;

/// <summary>
/// A customer's purchases over all their history up to the as-of date, as the BG/NBD and Gamma-Gamma models read it:
/// purchase days (one transaction per day with positive net spend), counted from the first. <see cref="RepeatPurchases"/>
/// is x, <see cref="LastPurchaseDay"/> is t_x and <see cref="AgeDays"/> is T, in days since the first purchase.
/// </summary>
/// <param name="RepeatPurchases">Purchase days after the first.</param>
/// <param name="LastPurchaseDay">Days from the first purchase to the last.</param>
/// <param name="AgeDays">Days from the first purchase to the as-of date.</param>
/// <param name="MeanRepeatValue">Mean spend of the repeat purchase days; 0 without any.</param>
public readonly record struct PurchaseHistory(int RepeatPurchases, int LastPurchaseDay, int AgeDays, decimal MeanRepeatValue)
{
    /// <summary>The history of distinct orders up to the as-of date; null without a purchase by then.</summary>
    public static PurchaseHistory? Of(IEnumerable<Order> orders, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(orders);
        // One pass, a set of days: every customer of a run goes through here, so no sorted map per customer.
        var days = new HashSet<DateOnly>();
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        decimal spend = 0m, firstDaySpend = 0m;
        foreach (var order in orders)
        {
            if (order.NetAmount <= 0 || order.Date > asOf)
            {
                continue;
            }

            days.Add(order.Date);
            spend += order.NetAmount;
            firstDaySpend = order.Date < first ? order.NetAmount : order.Date == first ? firstDaySpend + order.NetAmount : firstDaySpend;
            first = order.Date < first ? order.Date : first;
            last = order.Date > last ? order.Date : last;
        }

        if (days.Count == 0)
        {
            return null;
        }

        var repeat = days.Count - 1;
        return new PurchaseHistory(repeat, last.DayNumber - first.DayNumber, asOf.DayNumber - first.DayNumber, repeat > 0 ? Math.Round((spend - firstDaySpend) / repeat, 2) : 0m);
    }
}
