using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Benchmarks;

/// <summary>
/// A long-tailed population: a few customers carry most revenue, many are small, some churned or prospects. Each buyer
/// has a purchase history for the forecast, and one in three a payment record for the credit grade.
/// </summary>
internal static class SyntheticCustomers
{
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    public static CustomerMetrics[] Make(int count, int seed = 42)
    {
        var random = new Random(seed);
        var customers = new CustomerMetrics[count];
        for (var i = 0; i < count; i++)
        {
            var profile = new CustomerProfile(CustomerId.Create($"C{i:0000000}"));
            if (random.Next(20) == 0)
            {
                customers[i] = CustomerMetrics.Prospect(profile);
                continue;
            }

            // Pareto-like spend: inverse transform of a power law.
            var revenue = Math.Round((decimal)(50 / Math.Pow(1 - random.NextDouble(), 1 / 1.2)), 2);
            var previous = Math.Round(revenue * (decimal)(0.5 + random.NextDouble()), 2);
            var orders = 1 + (int)(Math.Log((double)revenue) * random.NextDouble() * 3);
            var last = AsOf.AddDays(-random.Next(0, 700));
            var first = last.AddDays(-random.Next(0, 1500));
            var repeat = Math.Max(0, orders - 1 + random.Next(0, 3));
            customers[i] = new CustomerMetrics(
                profile,
                first,
                last,
                orders,
                random.Next(15) == 0 ? -revenue / 10 : revenue,
                random.Next(4) == 0 ? null : revenue * (decimal)(random.NextDouble() * 0.4),
                1 + random.Next(0, 8),
                previous)
            {
                History = new PurchaseHistory(repeat, repeat == 0 ? 0 : last.DayNumber - first.DayNumber, AsOf.DayNumber - first.DayNumber,
                    repeat == 0 ? 0 : Math.Round(revenue / (repeat + 1), 2)),
                Credit = random.Next(3) == 0
                    ? new CreditRecord(1 + random.Next(12), random.Next(0, 60), random.NextDouble(), random.Next(0, 120), revenue / 4, random.Next(2) == 0 ? revenue / 2 : null)
                    : null,
            };
        }

        return customers;
    }
}
