using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Totals of a run: per tier, segment, ABC class and lifecycle stage, and the movement matrix.</summary>
internal static class GradingSummaries
{
    public const string NewCustomers = "new";

    public static GradingSummary Summarise(CustomerGrade[] grades, IReadOnlyList<CustomerMetrics> customers, DateOnly asOf, TieringPolicy policy, TierCut[] cuts)
    {
        var total = 0m;
        foreach (var c in customers)
        {
            total += c.NetRevenue;
        }

        var movements = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            var row = movements.TryGetValue(grade.PreviousTier ?? NewCustomers, out var existing) ? existing : movements[grade.PreviousTier ?? NewCustomers] = new(StringComparer.Ordinal);
            row[grade.Tier] = row.GetValueOrDefault(grade.Tier) + 1;
        }

        return new GradingSummary(
            policy.Version,
            asOf,
            grades.Length,
            total,
            Totals(grades, customers, total, g => g.Tier, policy.Tiers.Names),
            Totals(grades, customers, total, g => g.Segment, policy.Rfm.Segments.Select(s => s.Segment).Distinct(StringComparer.Ordinal).ToList()),
            Totals(grades, customers, total, g => g.Abc.ToString(), Enum.GetNames<AbcClass>()),
            Totals(grades, customers, total, g => g.Lifecycle.ToString(), Enum.GetNames<LifecycleStage>()),
            movements.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, int>)m.Value, StringComparer.Ordinal),
            cuts,
            grades.Count(g => g.RisingStar));
    }

    private static GroupTotals[] Totals(CustomerGrade[] grades, IReadOnlyList<CustomerMetrics> customers, decimal total, Func<CustomerGrade, string> group, IReadOnlyList<string> order)
    {
        var counts = new Dictionary<string, (int Customers, decimal Revenue)>(StringComparer.Ordinal);
        for (var i = 0; i < grades.Length; i++)
        {
            var key = group(grades[i]);
            var (count, revenue) = counts.GetValueOrDefault(key);
            counts[key] = (count + 1, revenue + customers[i].NetRevenue);
        }

        return [.. order.Select(name =>
        {
            var (count, revenue) = counts.GetValueOrDefault(name);
            return new GroupTotals(name, count, revenue, total > 0 ? Math.Round((double)(revenue / total), 6) : 0);
        })];
    }
}
