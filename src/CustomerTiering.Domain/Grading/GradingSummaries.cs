using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Totals of a run: per tier, segment, ABC class and lifecycle stage, and the movement matrix.</summary>
internal static class GradingSummaries
{
    public static GradingSummary Summarise(
        IReadOnlyList<CustomerMetrics> customers,
        GradeColumns columns,
        IReadOnlyList<string> segmentNames,
        DateOnly asOf,
        TieringPolicy policy,
        TierCut[] cuts,
        Ranking revenueRanking)
    {
        var tierNames = policy.Tiers.Names;
        var tiers = new Tally(tierNames.Count);
        var segments = new Tally(segmentNames.Count);
        var abc = new Tally(3);
        var lifecycle = new Tally(Enum.GetValues<LifecycleStage>().Length);
        // Rows: previous tier + 1 (row 0 = new customers); columns: tier held now.
        var movements = new int[tierNames.Count + 1, tierNames.Count];
        var total = 0m;
        var risingStars = 0;
        var stages = new byte[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var c = customers[i];
            var revenue = c.NetRevenue;
            total += revenue;
            tiers.Add(columns.Tier[i], revenue);
            segments.Add(columns.Segment[i], revenue);
            abc.Add((int)columns.Abc[i], revenue);
            stages[i] = (byte)LifecycleRules.StageOf(c, asOf, policy.Lifecycle);
            lifecycle.Add(stages[i], revenue);
            movements[columns.PreviousTier[i] + 1, columns.Tier[i]]++;
            risingStars += columns.GrowthTopShare[i] > 0 ? 1 : 0;
        }

        return new GradingSummary(
            policy.Version,
            asOf,
            columns.Count,
            total,
            tiers.Totals(tierNames, total),
            segments.Totals(segmentNames, total),
            abc.Totals(Enum.GetNames<AbcClass>(), total),
            lifecycle.Totals(Enum.GetNames<LifecycleStage>(), total),
            MovementMatrix(movements, tierNames),
            cuts,
            risingStars,
            KpiCalculator.Compute(customers, columns, revenueRanking, stages, tierNames, segmentNames, asOf));
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> MovementMatrix(int[,] movements, IReadOnlyList<string> tierNames)
    {
        var matrix = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (var from = 0; from <= tierNames.Count; from++)
        {
            var row = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var to = 0; to < tierNames.Count; to++)
            {
                if (movements[from, to] > 0)
                {
                    row[tierNames[to]] = movements[from, to];
                }
            }

            if (row.Count > 0)
            {
                matrix[from == 0 ? GradingSummary.NewCustomers : tierNames[from - 1]] = row;
            }
        }

        return matrix;
    }

    /// <summary>Customers and revenue per group index.</summary>
    private sealed class Tally(int groups)
    {
        private readonly int[] _customers = new int[groups];
        private readonly decimal[] _revenue = new decimal[groups];

        public void Add(int group, decimal revenue)
        {
            _customers[group]++;
            _revenue[group] += revenue;
        }

        public GroupTotals[] Totals(IReadOnlyList<string> names, decimal total) =>
            [.. names.Select((name, i) => new GroupTotals(name, _customers[i], _revenue[i], total > 0 ? Math.Round((double)(_revenue[i] / total), 6) : 0))];
    }
}
