using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Grades customers with a policy: RFM scores and segment, ABC class, weighted value score and tier (with hysteresis),
/// lifecycle stage and rising stars. Pure and deterministic: the same metrics, previous grades and policy give the
/// same grades bit for bit, whatever order the customers come in.
/// </summary>
public static class TieringEngine
{
    public static GradingResult Grade(
        IReadOnlyList<CustomerMetrics> customers,
        DateOnly asOf,
        TieringPolicy policy,
        IReadOnlyDictionary<CustomerId, PreviousGrade>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        if (TieringPolicyValidator.Validate(policy) is { Count: > 0 } violations)
        {
            throw new InvalidPolicyException(violations);
        }

        previous ??= new Dictionary<CustomerId, PreviousGrade>();
        var n = customers.Count;
        var bins = policy.Rfm.Bins;
        var grid = new SegmentGrid(policy.Rfm);
        var tierNames = policy.Tiers.Names;
        var lastTier = tierNames.Count - 1;

        // Each metric ranked once; the sorts are independent, so two cores share them.
        Ranking recency = null!, frequency = null!, monetary = null!, margin = null!, breadth = null!, growth = null!;
        Parallel.Invoke(
            () => recency = Ranking.Of(Goodness(customers, c => c.LastOrderDate is { } last ? -(double)(asOf.DayNumber - last.DayNumber) : double.NegativeInfinity)),
            () => frequency = Ranking.Of(Goodness(customers, c => c.OrderCount)),
            () => monetary = Ranking.Of(Goodness(customers, c => (double)c.NetRevenue)),
            () => margin = Ranking.Of(Goodness(customers, c => (double)(c.Margin ?? 0m))),
            () => breadth = Ranking.Of(Goodness(customers, c => c.ProductBreadth)),
            () => growth = Ranking.Of(Goodness(customers, c => (double)(c.NetRevenue - c.PreviousNetRevenue))));

        var weights = policy.Tiers.Weights;
        var scores = new double[n];
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

        var valueRanking = Ranking.Of((double[])scores.Clone());
        var earned = EarnedTiers(customers, scores, valueRanking, policy.Tiers);
        var cuts = TierCuts(scores, earned, tierNames);
        var abc = AbcClasses(customers, monetary, policy.Abc);

        var grades = new CustomerGrade[n];
        var finalTier = new int[n];
        var evidence = new GradeEvidence[n];
        for (var i = 0; i < n; i++)
        {
            var c = customers[i];
            previous.TryGetValue(c.Id, out var before);
            var previousIndex = before is null ? -1 : IndexOf(tierNames, before.Tier);
            var (tier, periodsBelow, held, byMargin) = ApplyHysteresis(earned[i], previousIndex, before, scores[i], c.NetRevenue > 0, cuts, policy);
            finalTier[i] = tier;
            evidence[i] = new GradeEvidence
            {
                MonetaryTopShare = monetary.TopShare(i),
                FrequencyTopShare = frequency.TopShare(i),
                DaysSinceLastOrder = c.LastOrderDate is { } last ? asOf.DayNumber - last.DayNumber : null,
                DaysSinceFirstOrder = c.FirstOrderDate is { } first ? asOf.DayNumber - first.DayNumber : null,
                ValueTopShare = valueRanking.TopShare(i),
                EarnedTierIndex = earned[i],
                TierCut = cuts[tier].MinScore,
                NextTierCut = tier == 0 ? null : cuts[tier - 1].MinScore ?? ThresholdOf(policy.Tiers, tier - 1),
                HeldByHysteresis = held,
                PeriodsBelowTier = periodsBelow,
                DemotedByMargin = byMargin,
                GrowthRate = c.PreviousNetRevenue > 0 ? (double)((c.NetRevenue - c.PreviousNetRevenue) / c.PreviousNetRevenue) : null,
                NetRevenue = c.NetRevenue,
                PreviousNetRevenue = c.PreviousNetRevenue,
                OrderCount = c.OrderCount,
                AbcShareBefore = abc.ShareBefore[i],
            };
        }

        var risingStars = RisingStars(customers, finalTier, growth, policy);
        for (var i = 0; i < n; i++)
        {
            var c = customers[i];
            var r = Score(recency.Worse[i], n, bins);
            var f = Score(frequency.Worse[i], n, bins);
            var m = Score(monetary.Worse[i], n, bins);
            previous.TryGetValue(c.Id, out var before);
            var previousIndex = before is null ? -1 : IndexOf(tierNames, before.Tier);
            grades[i] = new CustomerGrade(
                c.Id,
                r,
                f,
                m,
                grid.SegmentOf(r, SegmentGrid.CombineFrequencyMonetary(f, m))!,
                abc.Classes[i],
                scores[i],
                tierNames[finalTier[i]],
                finalTier[i],
                before?.Tier,
                previousIndex < 0 ? TierMovement.New : finalTier[i] < previousIndex ? TierMovement.Up : finalTier[i] > previousIndex ? TierMovement.Down : TierMovement.Same,
                Lifecycle(c, asOf, policy.Lifecycle),
                risingStars[i] is not null,
                evidence[i] with { GrowthTopShare = risingStars[i] });
        }

        return new GradingResult(grades, GradingSummaries.Summarise(grades, customers, asOf, policy, cuts));
    }

    /// <summary>RFM score: 1 + floor(B·L/n), with L the number of customers strictly worse.</summary>
    internal static int Score(int worse, int n, int bins) => 1 + (int)((long)bins * worse / n);

    private static double[] Goodness(IReadOnlyList<CustomerMetrics> customers, Func<CustomerMetrics, double> metric)
    {
        var values = new double[customers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = metric(customers[i]);
        }

        return values;
    }

    private static int[] EarnedTiers(IReadOnlyList<CustomerMetrics> customers, double[] scores, Ranking valueRanking, TierPolicy tiers)
    {
        var n = customers.Count;
        var last = tiers.Names.Count - 1;
        var earned = new int[n];
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
                        ? valueRanking.Better[i] < capacity[t]
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

    private static TierCut[] TierCuts(double[] scores, int[] earned, IReadOnlyList<string> names)
    {
        var min = new double?[names.Count];
        var max = new double?[names.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var t = earned[i];
            min[t] = min[t] is { } lo && lo <= scores[i] ? lo : scores[i];
            max[t] = max[t] is { } hi && hi >= scores[i] ? hi : scores[i];
        }

        return [.. names.Select((name, t) => new TierCut(name, min[t], max[t]))];
    }

    private static double? ThresholdOf(TierPolicy tiers, int tier) =>
        tiers.Method == TierMethod.Threshold ? tiers.Thresholds![tier] : null;

    private static (int Tier, int PeriodsBelow, bool Held, bool ByMargin) ApplyHysteresis(
        int earned, int previousIndex, PreviousGrade? before, double score, bool hasRevenue, TierCut[] cuts, TieringPolicy policy)
    {
        if (previousIndex < 0 || earned <= previousIndex)
        {
            return (earned, 0, false, false); // new, same, or a promotion: at once
        }

        var cut = cuts[previousIndex].MinScore ?? ThresholdOf(policy.Tiers, previousIndex) ?? double.PositiveInfinity;
        var byMargin = score < cut - policy.Hysteresis.Margin;
        var periodsBelow = before!.PeriodsBelowTier + 1;
        if (!hasRevenue || byMargin || periodsBelow >= policy.Hysteresis.PeriodsBelow)
        {
            return (earned, 0, false, byMargin);
        }

        return (previousIndex, periodsBelow, true, false);
    }

    private static LifecycleStage Lifecycle(CustomerMetrics c, DateOnly asOf, LifecyclePolicy policy)
    {
        if (c.FirstOrderDate is not { } first)
        {
            return LifecycleStage.Prospect;
        }

        if (asOf.DayNumber - first.DayNumber < policy.NewWithinDays)
        {
            return LifecycleStage.New;
        }

        // Only returns on record, or no purchase for the churn period.
        if (c.LastOrderDate is not { } last || asOf.DayNumber - last.DayNumber >= policy.ChurnAfterDays)
        {
            return LifecycleStage.Churned;
        }

        var change = c.NetRevenue - c.PreviousNetRevenue;
        if (c.PreviousNetRevenue <= 0)
        {
            return change > 0 && c.NetRevenue > 0 ? LifecycleStage.Growing : change < 0 ? LifecycleStage.Declining : LifecycleStage.Stable;
        }

        var rate = (double)(change / c.PreviousNetRevenue);
        return rate > policy.GrowingAbove ? LifecycleStage.Growing
            : rate < policy.DecliningBelow ? LifecycleStage.Declining
            : LifecycleStage.Stable;
    }

    private static (AbcClass[] Classes, double[] ShareBefore) AbcClasses(IReadOnlyList<CustomerMetrics> customers, Ranking monetary, AbcPolicy abc)
    {
        var n = customers.Count;
        var classes = new AbcClass[n];
        var shareBefore = new double[n];
        var total = 0m;
        foreach (var c in customers)
        {
            total += Math.Max(c.NetRevenue, 0m);
        }

        // Walk from the best revenue down, a tie group at a time, so equal revenue always means equal class.
        var sorted = monetary.SortedIndex;
        var ahead = 0m;
        var end = n;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && monetary.SortedGoodness[start - 1] == monetary.SortedGoodness[end - 1])
            {
                start--;
            }

            var groupRevenue = 0m;
            for (var k = start; k < end; k++)
            {
                var i = sorted[k];
                var share = abc.Basis == AbcBasis.Revenue
                    ? (total > 0 ? (double)(ahead / total) : 1.0)
                    : (double)monetary.Better[i] / n;
                shareBefore[i] = share;
                classes[i] = customers[i].NetRevenue <= 0 ? AbcClass.C
                    : share < abc.AUpTo ? AbcClass.A
                    : share < abc.BUpTo ? AbcClass.B
                    : AbcClass.C;
                groupRevenue += Math.Max(customers[i].NetRevenue, 0m);
            }

            ahead += groupRevenue;
            end = start;
        }

        return (classes, shareBefore);
    }

    private static double?[] RisingStars(IReadOnlyList<CustomerMetrics> customers, int[] finalTier, Ranking growth, TieringPolicy policy)
    {
        var n = customers.Count;
        var result = new double?[n];
        var candidateTiers = policy.RisingStars.Tiers.Select(t => IndexOf(policy.Tiers.Names, t)).ToHashSet();
        bool IsCandidate(int i) => candidateTiers.Contains(finalTier[i]) && customers[i].NetRevenue > customers[i].PreviousNetRevenue;

        var candidates = 0;
        for (var i = 0; i < n; i++)
        {
            candidates += IsCandidate(i) ? 1 : 0;
        }

        var capacity = (long)Math.Ceiling((policy.RisingStars.TopShare * candidates) - 1e-9);
        var ahead = 0;
        var end = n;
        while (end > 0 && ahead < capacity)
        {
            var start = end - 1;
            while (start > 0 && growth.SortedGoodness[start - 1] == growth.SortedGoodness[end - 1])
            {
                start--;
            }

            var inGroup = 0;
            for (var k = start; k < end; k++)
            {
                var i = growth.SortedIndex[k];
                if (IsCandidate(i))
                {
                    result[i] = (ahead + 1.0) / candidates;
                    inGroup++;
                }
            }

            ahead += inGroup;
            end = start;
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
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
