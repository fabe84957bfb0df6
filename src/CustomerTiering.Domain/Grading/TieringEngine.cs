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
            tiers[i] = ApplyHysteresis(earned[i], customers[i].Previous, tierNames, scores[i], customers[i].NetRevenue > 0, cuts, policy);
            computed[i] = tiers[i].Tier;
            (tiers[i], overrideFlags[i]) = ApplyOverride(tiers[i], customers[i].Override, tierNames, asOf);
        }

        var columns = new GradeColumns(n);
        AbcClasses(monetary, policy.Abc, columns);
        RisingStars(customers, tiers, growth, policy, columns, workspace);
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

    private static double? ThresholdOf(TierPolicy tiers, int tier) =>
        tiers.Method == TierMethod.Threshold ? tiers.Thresholds![tier] : null;

    private static TierAssignment ApplyHysteresis(
        int earned, PreviousGrade? before, IReadOnlyList<string> tierNames, double score, bool hasRevenue, TierCut[] cuts, TieringPolicy policy)
    {
        var previousIndex = before is null ? -1 : IndexOf(tierNames, before.Tier);
        if (previousIndex < 0 || earned <= previousIndex)
        {
            return new(earned, previousIndex, 0, false, false); // new, same, or a promotion: at once
        }

        var cut = cuts[previousIndex].MinScore ?? ThresholdOf(policy.Tiers, previousIndex) ?? double.PositiveInfinity;
        var byMargin = score < cut - policy.Hysteresis.Margin;
        var periodsBelow = before!.PeriodsBelowTier + 1;
        if (!hasRevenue || byMargin || periodsBelow >= policy.Hysteresis.PeriodsBelow)
        {
            return new(earned, previousIndex, 0, false, byMargin);
        }

        return new(previousIndex, previousIndex, periodsBelow, true, false);
    }

    /// <summary>
    /// An administrator's override beats the tier hysteresis gave, while it has not expired at the as-of date; an expired one,
    /// or one naming a tier the policy no longer has, leaves the computed tier (an expired one is told in the reasons).
    /// </summary>
    private static (TierAssignment Tier, byte Flags) ApplyOverride(TierAssignment computed, TierOverride? pinned, IReadOnlyList<string> tierNames, DateOnly asOf)
    {
        if (pinned is null || IndexOf(tierNames, pinned.Tier) is var index && index < 0)
        {
            return (computed, 0);
        }

        return pinned.Expires < asOf
            ? (computed, GradeColumns.OverrideExpired)
            : (computed with { Tier = index, PeriodsBelow = 0, Held = false, ByMargin = false }, GradeColumns.Overridden);
    }

    /// <summary>The tier held after hysteresis, and how it came about.</summary>
    private readonly record struct TierAssignment(int Tier, int PreviousIndex, int PeriodsBelow, bool Held, bool ByMargin);

    private static void AbcClasses(Ranking monetary, AbcPolicy abc, GradeColumns columns)
    {
        // Walks the revenue ranking itself rather than the customers: sequential memory, a million times over.
        // Sums run over the sorted values, so they come out the same whatever order the customers came in.
        var n = monetary.Count;
        var sorted = monetary.SortedIndex;
        var revenue = monetary.SortedGoodness;
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += Math.Max(revenue[k], 0);
        }

        var classes = columns.Abc;
        var shareBefore = columns.AbcShareBefore;
        var ahead = 0.0;
        var end = n;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && revenue[start - 1] == revenue[end - 1])
            {
                start--;
            }

            var revenueShare = total > 0 ? ahead / total : 1.0;
            for (var k = start; k < end; k++)
            {
                var i = sorted[k];
                var share = abc.Basis == AbcBasis.Revenue ? revenueShare : (double)monetary.Better(i) / n;
                shareBefore[i] = (float)share;
                classes[i] = revenue[k] <= 0 ? AbcClass.C
                    : share < abc.AUpTo ? AbcClass.A
                    : share < abc.BUpTo ? AbcClass.B
                    : AbcClass.C;
                ahead += Math.Max(revenue[k], 0);
            }

            end = start;
        }

    }

    /// <summary>Marks each rising star with their growth rank among the candidates (0.04 = top 4%).</summary>
    private static void RisingStars(IReadOnlyList<CustomerMetrics> customers, TierAssignment[] tiers, Ranking growth, TieringPolicy policy, GradeColumns columns, Workspace workspace)
    {
        var n = customers.Count;
        var result = columns.GrowthTopShare;
        var candidateTier = new bool[policy.Tiers.Names.Count];
        foreach (var tier in policy.RisingStars.Tiers)
        {
            candidateTier[IndexOf(policy.Tiers.Names, tier)] = true;
        }

        // Marked in one sequential pass, so the walk in growth order below touches no customer record.
        var isCandidate = workspace.Rent<bool>(n);
        var candidates = 0;
        for (var i = 0; i < n; i++)
        {
            isCandidate[i] = candidateTier[tiers[i].Tier] && customers[i].NetRevenue > customers[i].PreviousNetRevenue;
            candidates += isCandidate[i] ? 1 : 0;
        }

        var capacity = (long)Math.Ceiling((policy.RisingStars.TopShare * candidates) - 1e-9);
        var sorted = growth.SortedIndex;
        var goodness = growth.SortedGoodness;
        var ahead = 0;
        var end = n;
        while (end > 0 && ahead < capacity)
        {
            var start = end - 1;
            while (start > 0 && goodness[start - 1] == goodness[end - 1])
            {
                start--;
            }

            var inGroup = 0;
            for (var k = start; k < end; k++)
            {
                if (isCandidate[sorted[k]])
                {
                    result[sorted[k]] = (float)((ahead + 1.0) / candidates);
                    inGroup++;
                }
            }

            ahead += inGroup;
            end = start;
        }
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
