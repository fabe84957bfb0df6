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
        Ranking revenueRanking,
        int oldestLastOrderDay)
    {
        var tierNames = policy.Tiers.Names;
        var n = columns.Count;
        // The engine found the oldest last order already: the recency histograms are sized without another pass.
        var maxDays = Math.Clamp(asOf.DayNumber - oldestLastOrderDay, 0, MaxRecencyDays);

        // Rows: previous tier + 1 (row 0 = new customers); columns: tier held now.
        var movements = new int[tierNames.Count + 1, tierNames.Count];
        var (members, retained, churned) = (new int[tierNames.Count], new int[tierNames.Count], new int[tierNames.Count]);
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1);
        using var workspace = new Workspace();
        var stages = workspace.Rent<byte>(n);
        var abcIndex = workspace.Rent<byte>(n);
        var revenues = workspace.Rent<decimal>(n);
        var margins = workspace.Rent<decimal?>(n);
        var orders = workspace.Rent<int>(n);
        var days = workspace.Rent<int>(n);
        var total = 0m;
        var risingStars = 0;
        var bins = policy.Rfm.Bins;
        var (cellCustomers, cellRevenue) = (new int[bins, bins], new decimal[bins, bins]);
        for (var i = 0; i < n; i++)
        {
            // One walk over the customers' objects; the groupings below read these arrays, two at a time.
            var c = customers[i];
            var stage = LifecycleRules.StageOf(c, asOf, policy.Lifecycle);
            stages[i] = (byte)stage;
            abcIndex[i] = (byte)columns.Abc[i];
            (revenues[i], orders[i], margins[i]) = (c.NetRevenue, c.OrderCount, c.Margin);
            days[i] = c.LastOrderDate is { } last ? Math.Clamp(asOf.DayNumber - last.DayNumber, 0, maxDays) : -1;
            total += revenues[i];
            movements[columns.PreviousTier[i] + 1, columns.Tier[i]]++;
            risingStars += columns.GrowthTopShare[i] > 0 ? 1 : 0;
            var (r, fm) = (columns.Recency[i] - 1, SegmentGrid.CombineFrequencyMonetary(columns.Frequency[i], columns.Monetary[i]) - 1);
            cellCustomers[r, fm]++;
            cellRevenue[r, fm] += revenues[i];
            if (columns.PreviousTier[i] is var before and >= 0)
            {
                members[before]++;
                retained[before] += c.LastOrderDate >= periodStart ? 1 : 0;
                churned[before] += stage == LifecycleStage.Churned ? 1 : 0;
            }
        }

        var tiers = new KpiCalculator(tierNames, maxDays);
        var segments = new KpiCalculator(segmentNames, maxDays);
        var abc = new KpiCalculator(Enum.GetNames<AbcClass>(), maxDays);
        var lifecycle = new KpiCalculator(Enum.GetNames<LifecycleStage>(), maxDays);
        var (sortedIndex, sortedRevenue) = revenueRanking.SortedArrays;
        void Tally(KpiCalculator kpis, byte[] groupOf)
        {
            for (var i = 0; i < n; i++)
            {
                kpis.Add(groupOf[i], revenues[i], orders[i], margins[i], days[i]);
            }

            for (var k = 0; k < n; k++)
            {
                kpis.Ranked(groupOf[sortedIndex[k]], sortedRevenue[k]);
            }
        }

        Parallel.Invoke(() => Tally(tiers, columns.Tier), () => Tally(segments, columns.Segment), () => Tally(abc, abcIndex), () => Tally(lifecycle, stages));
        tiers.SetRetention(members, retained, churned);
        var kpis = new GradingKpis(tiers.Kpis(), segments.Kpis(), abc.Kpis(), lifecycle.Kpis(), KpiCalculator.ConcentrationOf(revenueRanking.SortedGoodness));
        return new GradingSummary(
            policy.Version,
            asOf,
            n,
            total,
            Totals(kpis.Tiers),
            Totals(kpis.Segments),
            Totals(kpis.AbcClasses),
            Totals(kpis.Lifecycle),
            MovementMatrix(movements, tierNames),
            cuts,
            risingStars,
            kpis,
            SeparationChecks.Check(kpis.Tiers, policy),
            RfmGrid: [.. from r in Enumerable.Range(0, bins)
                         from fm in Enumerable.Range(0, bins)
                         where cellCustomers[r, fm] > 0
                         select new RfmCell(r + 1, fm + 1, cellCustomers[r, fm], cellRevenue[r, fm])]);
    }

    /// <summary>Days since a last order beyond this (a century) count as this: the recency histograms stay small.</summary>
    private const int MaxRecencyDays = 36_525;

    private static GroupTotals[] Totals(IReadOnlyList<GroupKpis> groups) =>
        [.. groups.Select(g => new GroupTotals(g.Group, g.Customers, g.Revenue, g.RevenueShare))];

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
}
