using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Computes a run's KPIs from its metrics, its grade columns and the revenue ranking the engine already sorted: medians
/// and the Pareto curve come from walking that order once, not from sorting again, so a million customers cost a few
/// linear passes.
/// </summary>
internal static class KpiCalculator
{
    private const int ParetoSteps = 100;

    public static GradingKpis Compute(
        IReadOnlyList<CustomerMetrics> customers,
        GradeColumns columns,
        Ranking revenueRanking,
        byte[] lifecycle,
        IReadOnlyList<string> tierNames,
        IReadOnlyList<string> segmentNames,
        DateOnly asOf)
    {
        var n = columns.Count;
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var abc = new byte[n];
        for (var i = 0; i < n; i++)
        {
            abc[i] = (byte)columns.Abc[i];
        }

        var tiers = Groups(customers, columns.Tier, tierNames, revenueRanking, asOf);
        AddRetention(tiers, customers, columns, lifecycle, periodStart);
        return new GradingKpis(
            [.. tiers.Select(g => g.Kpis())],
            [.. Groups(customers, columns.Segment, segmentNames, revenueRanking, asOf).Select(g => g.Kpis())],
            [.. Groups(customers, abc, Enum.GetNames<AbcClass>(), revenueRanking, asOf).Select(g => g.Kpis())],
            [.. Groups(customers, lifecycle, Enum.GetNames<LifecycleStage>(), revenueRanking, asOf).Select(g => g.Kpis())],
            ConcentrationOf(revenueRanking));
    }

    private static GroupFigures[] Groups(IReadOnlyList<CustomerMetrics> customers, byte[] groupOf, IReadOnlyList<string> names, Ranking revenueRanking, DateOnly asOf)
    {
        var groups = names.Select(name => new GroupFigures(name)).ToArray();
        decimal totalRevenue = 0m, totalMargin = 0m;
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var g = groups[groupOf[i]];
            g.Customers++;
            g.Revenue += c.NetRevenue;
            g.Orders += c.OrderCount;
            totalRevenue += c.NetRevenue;
            if (c.Margin is { } margin)
            {
                g.Margin = (g.Margin ?? 0m) + margin;
                totalMargin += margin;
            }

        }

        // Medians of recency by counting: days since the last order are small whole numbers.
        var days = new int[customers.Count];
        var maxDays = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            days[i] = customers[i].LastOrderDate is { } last ? Math.Max(0, asOf.DayNumber - last.DayNumber) : -1;
            maxDays = Math.Max(maxDays, days[i]);
        }

        foreach (var g in groups)
        {
            g.RecencyCounts = new int[maxDays + 1];
        }

        for (var i = 0; i < customers.Count; i++)
        {
            if (days[i] >= 0)
            {
                groups[groupOf[i]].RecencyCounts![days[i]]++;
            }
        }

        // Medians of revenue: the group's middle member(s) in the run's revenue order, worst to best.
        var seen = new int[groups.Length];
        foreach (var i in revenueRanking.SortedIndex)
        {
            var g = groups[groupOf[i]];
            var position = seen[groupOf[i]]++;
            if (position == (g.Customers - 1) / 2)
            {
                g.LowerMiddle = customers[i].NetRevenue;
            }

            if (position == g.Customers / 2)
            {
                g.UpperMiddle = customers[i].NetRevenue;
            }
        }

        foreach (var g in groups)
        {
            g.RevenueShare = totalRevenue > 0 ? Math.Round((double)(g.Revenue / totalRevenue), 6) : 0;
            g.MarginShare = g.Margin is { } margin && totalMargin != 0 ? Math.Round((double)(margin / totalMargin), 6) : null;
        }

        return groups;
    }

    /// <summary>Of last period's members of each tier: the share who bought in this period's month, and the share now churned.</summary>
    private static void AddRetention(GroupFigures[] tiers, IReadOnlyList<CustomerMetrics> customers, GradeColumns columns, byte[] lifecycle, DateOnly periodStart)
    {
        var members = new int[tiers.Length];
        var retained = new int[tiers.Length];
        var churned = new int[tiers.Length];
        for (var i = 0; i < customers.Count; i++)
        {
            var before = columns.PreviousTier[i];
            if (before < 0)
            {
                continue;
            }

            members[before]++;
            retained[before] += customers[i].LastOrderDate >= periodStart ? 1 : 0;
            churned[before] += lifecycle[i] == (byte)LifecycleStage.Churned ? 1 : 0;
        }

        for (var t = 0; t < tiers.Length; t++)
        {
            tiers[t].Retention = members[t] > 0 ? Math.Round((double)retained[t] / members[t], 6) : null;
            tiers[t].Churn = members[t] > 0 ? Math.Round((double)churned[t] / members[t], 6) : null;
        }
    }

    /// <summary>Walks customers best first, summing positive revenue, and reads the curve off at every percent of customers.</summary>
    private static Concentration ConcentrationOf(Ranking revenueRanking)
    {
        var sorted = revenueRanking.SortedGoodness;
        var n = sorted.Length;
        var positive = 0.0;
        foreach (var revenue in sorted)
        {
            positive += Math.Max(revenue, 0);
        }

        var points = new List<ParetoPoint>(ParetoSteps + 1) { new(0, 0) };
        var cumulative = 0.0;
        var taken = 0;
        for (var step = 1; step <= ParetoSteps && n > 0; step++)
        {
            var upTo = (int)Math.Ceiling(n * step / (double)ParetoSteps);
            for (; taken < upTo; taken++)
            {
                cumulative += Math.Max(sorted[n - 1 - taken], 0);
            }

            points.Add(new ParetoPoint(step / (double)ParetoSteps, positive > 0 ? Math.Round(cumulative / positive, 6) : 0));
        }

        double At(int percent) => points.Count > percent ? points[percent].RevenueShare : 0;
        return new Concentration(points, At(1), At(5), At(20));
    }

    /// <summary>One group's running figures while the customers are walked.</summary>
    private sealed class GroupFigures(string name)
    {
        public int Customers { get; set; }

        public decimal Revenue { get; set; }

        public decimal? Margin { get; set; }

        public long Orders { get; set; }

        public decimal LowerMiddle { get; set; }

        public decimal UpperMiddle { get; set; }

        /// <summary>Customers per number of days since their last order.</summary>
        public int[]? RecencyCounts { get; set; }

        public double RevenueShare { get; set; }

        public double? MarginShare { get; set; }

        public double? Retention { get; set; }

        public double? Churn { get; set; }

        public GroupKpis Kpis()
        {
            int? medianRecency = null;
            var withOrders = RecencyCounts?.Sum() ?? 0;
            for (int day = 0, below = 0; withOrders > 0 && day < RecencyCounts!.Length; day++)
            {
                below += RecencyCounts[day];
                if (below > (withOrders - 1) / 2)
                {
                    medianRecency = day;
                    break;
                }
            }

            return new GroupKpis(
                name,
                Customers,
                Revenue,
                RevenueShare,
                Margin,
                MarginShare,
                Customers > 0 ? Math.Round(Revenue / Customers, 2) : 0m,
                Customers > 0 ? (LowerMiddle + UpperMiddle) / 2 : 0m,
                Customers > 0 ? Math.Round((double)Orders / Customers, 4) : 0,
                Orders > 0 ? Math.Round(Revenue / Orders, 2) : null,
                medianRecency,
                Retention,
                Churn);
        }
    }
}
