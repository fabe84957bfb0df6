using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Benchmarks;

/// <summary>A long-tailed population: a few customers carry most revenue, many are small, some churned or prospects.</summary>
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
            customers[i] = new CustomerMetrics(
                profile,
                last.AddDays(-random.Next(0, 1500)),
                last,
                orders,
                random.Next(15) == 0 ? -revenue / 10 : revenue,
                random.Next(4) == 0 ? null : revenue * (decimal)(random.NextDouble() * 0.4),
                1 + random.Next(0, 8),
                previous);
        }

        return customers;
    }
}
