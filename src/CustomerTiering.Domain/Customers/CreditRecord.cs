namespace CustomerTiering.Domain.Customers;

/// <summary>
/// How a customer has paid, over the invoices due in the look-back window up to the as-of date: days past due weighted
/// by amount (a paid invoice counts the days it was paid late, an open one the days it is overdue), the share of those
/// invoices paid late or overdue, the longest overdue open invoice, and the open balance against the credit limit.
/// </summary>
public sealed record CreditRecord(int Invoices, double WeightedDaysLate, double LateShare, int LongestOverdueDays, decimal OpenBalance, decimal? CreditLimit)
{
    /// <summary>Open balance over the credit limit; null without a (positive) limit.</summary>
    public double? CreditUse => CreditLimit is > 0 ? (double)(OpenBalance / CreditLimit.Value) : null;

    /// <summary>The record of a customer's invoices; null when none was due in the window (no credit history).</summary>
    public static CreditRecord? Of(IEnumerable<Invoice> invoices, MetricsWindow window, decimal? creditLimit)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(window);
        var asOf = window.AsOf;
        var distinct = new Dictionary<string, Invoice>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            distinct[invoice.InvoiceId] = invoice;
        }

        int count = 0, late = 0, longest = 0;
        decimal weightedDays = 0m, weight = 0m, open = 0m;
        foreach (var invoice in distinct.Values.Where(i => i.InvoiceDate <= asOf))
        {
            var owed = invoice.OpenAt(asOf);
            open += owed;
            if (invoice.DueDate < window.Start || invoice.DueDate > asOf)
            {
                continue; // not due in the window: its balance counts, its punctuality does not yet
            }

            var daysLate = owed > 0 ? asOf.DayNumber - invoice.DueDate.DayNumber
                : Math.Max(0, invoice.PaidDate!.Value.DayNumber - invoice.DueDate.DayNumber);
            if (owed > 0)
            {
                longest = Math.Max(longest, daysLate);
            }

            count++;
            late += daysLate > 0 ? 1 : 0;
            weightedDays += daysLate * invoice.Amount;
            weight += invoice.Amount;
        }

        if (count == 0 && open == 0)
        {
            return null;
        }

        return new CreditRecord(count, weight > 0 ? Math.Round((double)(weightedDays / weight), 2) : 0, count > 0 ? Math.Round((double)late / count, 4) : 0,
            longest, open, creditLimit);
    }
}
