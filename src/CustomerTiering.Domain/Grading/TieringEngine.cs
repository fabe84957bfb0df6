using System.Diagnostics;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Grades customers with a policy: RFM scores and segment, ABC class, weighted value score and tier (with hysteresis),
/// lifecycle stage and rising stars. Pure and deterministic: the same metrics, previous grades and policy give the
/// same grades bit for bit, whatever order the customers come in.
/// </summary>
public static class TieringEngine
{
    public static GradingResult Grade(IReadOnlyList<CustomerMetrics> customers, DateOnly asOf, TieringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        if (TieringPolicyValidator.Validate(policy) is { Count: > 0 } violations)
        {
            throw new InvalidPolicyException(violations);
        }

        var result = policy.GroupBy == GradingGroup.None ? GradeAll(customers, asOf, policy) : GroupedGrading.Grade(customers, asOf, policy);

        // The forecast looks at the whole book whatever the grouping: the models describe buying, not the organisation.
        var started = Stopwatch.GetTimestamp();
        var forecast = Forecaster.Forecast(customers, policy.Forecast, result.Columns);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (credit, poorCredit) = CreditGrading.Grade(customers, policy, result.Columns);
        var summary = result.Summary with
        {
            Forecast = forecast,
            Credit = credit,
            Warnings = poorCredit is null ? result.Summary.Warnings : [.. result.Summary.Warnings ?? [], poorCredit],
        };
        return result.WithWholeBook(summary, elapsed);
    }

    /// <summary>Grades the customers as one group: every rank and cut counts all of them.</summary>
    internal static GradingResult GradeAll(IReadOnlyList<CustomerMetrics> customers, DateOnly asOf, TieringPolicy policy)
    {
        var n = customers.Count;
        var bins = policy.Rfm.Bins;
        var grid = new SegmentGrid(policy.Rfm);
        var tierNames = policy.Tiers.Names;

        // Never having ordered ranks below the oldest last order.
        var oldestLastOrder = OldestLastOrder(customers, asOf);
        var neverOrdered = oldestLastOrder - 1;

        // Each metric ranked once; the rankings are independent, so two cores share them. Whole-number metrics are
        // counted in linear time; money needs sorting, and its sorted order serves ABC and rising stars.
        Ranking recency = null!, frequency = null!, breadth = null!, monetary = null!, margin = null!, growth = null!;
        Parallel.Invoke(
            () => monetary = Ranking.Sorted(n, i => (double)customers[i].NetRevenue),
            () => growth = Ranking.Sorted(n, i => (double)(customers[i].NetRevenue - customers[i].PreviousNetRevenue)),
            () =>
            {
                margin = Ranking.Sorted(n, i => (double)(customers[i].Margin ?? 0m));
                recency = Ranking.Counted(n, i => customers[i].LastOrderDate?.DayNumber ?? neverOrdered);
                frequency = Ranking.Counted(n, i => customers[i].OrderCount);
                breadth = Ranking.Counted(n, i => customers[i].ProductBreadth);
            });
        using var recencyLease = recency;
        using var frequencyLease = frequency;
        using var breadthLease = breadth;
        using var monetaryLease = monetary;
        using var marginLease = margin;
        using var growthLease = growth;

        var weights = policy.Tiers.Weights;
        using var workspace = new Workspace();
        var scores = workspace.Rent<double>(n);
        for (var i = 0; i < n; i++)
        {
            // Fixed order of terms: floating-point sums are only reproducible in a fixed order.
            var sum = weights.Monetary * monetary.Normalised(i);
            sum += weights.Frequency * frequency.Normalised(i);
            sum += weights.Recency * recency.Normalised(i);
            sum += weights.Margin * margin.Normalised(i);
            sum += weights.Breadth * breadth.Normalised(i);
            sum += weights.Growth * growth.Normalised(i);
            scores[i] = Math.Round(100 * sum, 6);
        }

        using var valueRanking = Ranking.Sorted(n, i => scores[i]);
        var tiers = workspace.Rent<TierAssignment>(n);
        var earned = EarnedTiers(customers, scores, valueRanking, policy.Tiers, workspace.Rent<int>(n));
        var cuts = TierCuts(n, scores, earned, tierNames);
        var computed = workspace.Rent<int>(n);
        var overrideFlags = workspace.Rent<byte>(n);
        for (var i = 0; i < n; i++)
        {
            tiers[i] = TierHolding.Hysteresis(earned[i], customers[i].Previous, tierNames, scores[i], customers[i].NetRevenue > 0, cuts, policy);
            computed[i] = tiers[i].Tier;
            (tiers[i], overrideFlags[i]) = TierHolding.Override(tiers[i], customers[i].Override, tierNames, asOf);
        }

        var columns = new GradeColumns(n);
        AbcClassifier.Classify(monetary, policy.Abc, columns);
        RisingStarSelection.Mark(customers, tiers, growth, policy, columns, workspace);
        for (var i = 0; i < n; i++)
        {
            var t = tiers[i];
            var r = Score(recency.Worse(i), n, bins);
            var f = Score(frequency.Worse(i), n, bins);
            var m = Score(monetary.Worse(i), n, bins);
            columns.Recency[i] = (byte)r;
            columns.Frequency[i] = (byte)f;
            columns.Monetary[i] = (byte)m;
            columns.Segment[i] = (byte)grid.SegmentIndexOf(r, SegmentGrid.CombineFrequencyMonetary(f, m));
            columns.Score[i] = scores[i];
            columns.Tier[i] = (byte)t.Tier;
            columns.ComputedTier[i] = (byte)computed[i];
            columns.EarnedTier[i] = (byte)earned[i];
            columns.PreviousTier[i] = (sbyte)t.PreviousIndex;
            columns.PeriodsBelow[i] = (byte)t.PeriodsBelow;
            columns.Flags[i] = (byte)((t.Held ? GradeColumns.Held : 0) | (t.ByMargin ? GradeColumns.DemotedByMargin : 0) | overrideFlags[i]);
            columns.MonetaryTopShare[i] = (float)monetary.TopShare(i);
            columns.FrequencyTopShare[i] = (float)frequency.TopShare(i);
            columns.ValueTopShare[i] = (float)valueRanking.TopShare(i);
        }

        var summary = GradingSummaries.Summarise(customers, columns, grid.Segments, asOf, policy, cuts, monetary, oldestLastOrder);
        return new GradingResult(customers, columns, policy, grid.Segments, summary);
    }

    /// <summary>The day number of the oldest last order; the as-of date's when nobody ordered.</summary>
    internal static int OldestLastOrder(IReadOnlyList<CustomerMetrics> customers, DateOnly asOf)
    {
        var oldest = asOf.DayNumber;
        for (var i = 0; i < customers.Count; i++)
        {
            oldest = Math.Min(oldest, customers[i].LastOrderDate?.DayNumber ?? int.MaxValue);
        }

        return oldest;
    }

    /// <summary>RFM score: 1 + floor(B·L/n), with L the number of customers strictly worse.</summary>
    internal static int Score(int worse, int n, int bins) => 1 + (int)((long)bins * worse / n);

    private static int[] EarnedTiers(IReadOnlyList<CustomerMetrics> customers, double[] scores, Ranking valueRanking, TierPolicy tiers, int[] earned)
    {
        var n = customers.Count;
        var last = tiers.Names.Count - 1;
        // Rank share: a customer is in tier t when fewer customers than the tiers up to t may hold are strictly better.
        var capacity = new long[tiers.Names.Count];
        if (tiers.Method == TierMethod.RankShare)
        {
            var cumulative = 0.0;
            for (var t = 0; t < capacity.Length; t++)
            {
                cumulative += tiers.Shares![t];
                capacity[t] = t == last ? long.MaxValue : (long)Math.Ceiling((cumulative * n) - 1e-9);
            }
        }

        for (var i = 0; i < n; i++)
        {
            var tier = last;
            // Without net revenue in the window a customer has earned nothing above the lowest tier.
            if (customers[i].NetRevenue > 0)
            {
                for (var t = 0; t < last; t++)
                {
                    var inTier = tiers.Method == TierMethod.RankShare
                        ? valueRanking.Better(i) < capacity[t]
                        : scores[i] >= tiers.Thresholds![t];
                    if (inTier)
                    {
                        tier = t;
                        break;
                    }
                }
            }

            earned[i] = tier;
        }

        return earned;
    }

    internal static TierCut[] TierCuts(int n, double[] scores, int[] earned, IReadOnlyList<string> names)
    {
        var min = new double?[names.Count];
        var max = new double?[names.Count];
        for (var i = 0; i < n; i++)
        {
            var t = earned[i];
            min[t] = min[t] is { } lo && lo <= scores[i] ? lo : scores[i];
            max[t] = max[t] is { } hi && hi >= scores[i] ? hi : scores[i];
        }

        return [.. names.Select((name, t) => new TierCut(name, min[t], max[t]))];
    }

    internal static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
