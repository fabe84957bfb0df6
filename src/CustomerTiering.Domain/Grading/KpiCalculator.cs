namespace CustomerTiering.Domain.Grading;

/// <summary>
/// A run's KPIs for one grouping (tiers, segments, ABC classes or lifecycle stages), gathered while the summary walks the
/// customers once: counts and sums as they come, recency by counting days (small whole numbers), and medians of revenue
/// from the revenue order the engine already sorted, so a million customers cost no extra sort.
/// </summary>
internal sealed class KpiCalculator
{
    private readonly IReadOnlyList<string> _names;
    private readonly int[] _customers;
    private readonly decimal[] _revenue;
    private readonly decimal[] _margin;
    private readonly bool[] _hasMargin;
    private readonly long[] _orders;
    private readonly int[][] _recency;
    private readonly decimal[] _lowerMiddle;
    private readonly decimal[] _upperMiddle;
    private readonly int[] _seen;
    private double?[]? _retention;
    private double?[]? _churn;

    /// <param name="names">The groups, by index.</param>
    /// <param name="maxDays">The most days since a last order any customer has.</param>
    public KpiCalculator(IReadOnlyList<string> names, int maxDays)
    {
        _names = names;
        var groups = names.Count;
        _customers = new int[groups];
        _revenue = new decimal[groups];
        _margin = new decimal[groups];
        _hasMargin = new bool[groups];
        _orders = new long[groups];
        _recency = [.. Enumerable.Range(0, groups).Select(_ => new int[maxDays + 1])];
        _lowerMiddle = new decimal[groups];
        _upperMiddle = new decimal[groups];
        _seen = new int[groups];
    }

    /// <summary>Counts a customer into its group; <paramref name="days"/> since its last order is negative when there was none.</summary>
    /// <param name="group">The group's index.</param>
    /// <param name="revenue">The customer's net revenue.</param>
    /// <param name="orders">The customer's orders.</param>
    /// <param name="margin">The customer's margin, where known.</param>
    /// <param name="days">Days since the last order.</param>
    public void Add(int group, decimal revenue, int orders, decimal? margin, int days)
    {
        _customers[group]++;
        _revenue[group] += revenue;
        _orders[group] += orders;
        if (margin is { } known)
        {
            _margin[group] += known;
            _hasMargin[group] = true;
        }

        if (days >= 0)
        {
            _recency[group][days]++;
        }
    }

    /// <summary>Called for every customer in revenue order, worst first: the group's middle member(s) give its median.</summary>
    public void Ranked(int group, double revenue)
    {
        var position = _seen[group]++;
        // The revenue order holds revenue as double; money of up to 15 significant digits comes back exact.
        if (position == (_customers[group] - 1) / 2)
        {
            _lowerMiddle[group] = (decimal)revenue;
        }

        if (position == _customers[group] / 2)
        {
            _upperMiddle[group] = (decimal)revenue;
        }
    }

    /// <summary>Of last period's members of each group: the share who bought again in the graded month, and the share now churned.</summary>
    public void SetRetention(int[] members, int[] retained, int[] churned)
    {
        _retention = [.. members.Select((m, g) => m > 0 ? Math.Round((double)retained[g] / m, 6) : (double?)null)];
        _churn = [.. members.Select((m, g) => m > 0 ? Math.Round((double)churned[g] / m, 6) : (double?)null)];
    }

    public IReadOnlyList<GroupKpis> Kpis()
    {
        var totalRevenue = _revenue.Sum();
        var totalMargin = _margin.Sum();
        return [.. _names.Select((name, g) =>
        {
            var customers = _customers[g];
            return new GroupKpis(
                name,
                customers,
                _revenue[g],
                totalRevenue > 0 ? Math.Round((double)(_revenue[g] / totalRevenue), 6) : 0,
                _hasMargin[g] ? _margin[g] : null,
                _hasMargin[g] && totalMargin != 0 ? Math.Round((double)(_margin[g] / totalMargin), 6) : null,
                customers > 0 ? Math.Round(_revenue[g] / customers, 2) : 0m,
                customers > 0 ? (_lowerMiddle[g] + _upperMiddle[g]) / 2 : 0m,
                customers > 0 ? Math.Round((double)_orders[g] / customers, 4) : 0,
                _orders[g] > 0 ? Math.Round(_revenue[g] / _orders[g], 2) : null,
                MedianDays(_recency[g]),
                _retention?[g],
                _churn?[g]);
        })];
    }

    /// <summary>The lower median of a day histogram; null when nobody in the group ever ordered.</summary>
    private static int? MedianDays(int[] counts)
    {
        var withOrders = counts.Sum();
        for (int day = 0, below = 0; withOrders > 0 && day < counts.Length; day++)
        {
            below += counts[day];
            if (below > (withOrders - 1) / 2)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Walks customers best first, summing positive revenue, and reads the Pareto curve off at every percent of customers.</summary>
    public static Concentration ConcentrationOf(ReadOnlySpan<double> sortedRevenue)
    {
        const int steps = 100;
        var n = sortedRevenue.Length;
        var positive = 0.0;
        foreach (var revenue in sortedRevenue)
        {
            positive += Math.Max(revenue, 0);
        }

        var points = new List<ParetoPoint>(steps + 1) { new(0, 0) };
        var cumulative = 0.0;
        var taken = 0;
        for (var step = 1; step <= steps && n > 0; step++)
        {
            var upTo = (int)Math.Ceiling(n * step / (double)steps);
            for (; taken < upTo; taken++)
            {
                cumulative += Math.Max(sortedRevenue[n - 1 - taken], 0);
            }

            points.Add(new ParetoPoint(step / (double)steps, positive > 0 ? Math.Round(cumulative / positive, 6) : 0));
        }

        double At(int percent) => points.Count > percent ? points[percent].RevenueShare : 0;
        return new Concentration(points, At(1), At(5), At(20));
    }
}
