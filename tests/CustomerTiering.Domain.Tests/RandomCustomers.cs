using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Domain.Tests;

/// <summary>Messy populations for property tests: ties, negatives, prospects, missing margins; reproducible from a seed.</summary>
public static class RandomCustomers
{
    public static CustomerMetrics[] Make(int seed, int count)
    {
        var random = new Random(seed);
        var customers = new CustomerMetrics[count];
        for (var i = 0; i < count; i++)
        {
            var builder = Customer.Called($"C{i:0000}");
            if (random.Next(12) == 0)
            {
                customers[i] = builder.Prospect();
                continue;
            }

            // A coarse grid of values makes ties common, as in real exports.
            decimal revenue = random.Next(10) switch
            {
                0 => -random.Next(0, 5) * 50,
                1 => 0,
                _ => random.Next(1, 40) * 25,
            };
            customers[i] = builder
                .Revenue(revenue, previous: random.Next(0, 30) * 25)
                .Orders(revenue > 0 ? random.Next(1, 12) : 0)
                .LastOrderDaysAgo(random.Next(5) == 0 ? null : random.Next(0, 800))
                .FirstOrderDaysAgo(random.Next(0, 1500))
                .Margin(random.Next(3) == 0 ? null : revenue * random.Next(0, 40) / 100)
                .Breadth(random.Next(0, 6));
        }

        return customers;
    }

    public static PreviousGrade[] PreviousGrades(int seed, IReadOnlyList<CustomerMetrics> customers, IReadOnlyList<string> tiers)
    {
        var random = new Random(seed ^ 0x5eed);
        return [.. customers
            .Where(_ => random.Next(3) > 0)
            .Select(c => new PreviousGrade(c.Id, tiers[random.Next(tiers.Count)], random.Next(0, 2)))];
    }

    public static T[] Shuffled<T>(IReadOnlyList<T> items, int seed)
    {
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
