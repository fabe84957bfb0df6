using System.Collections;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Every customer's grade, in input order, and the run's summary. Grades are assembled from compact columns when read,
/// so a run over a million customers holds tens of megabytes rather than hundreds; reading one twice gives the same grade.
/// </summary>
public sealed class GradingResult
{
    private readonly IReadOnlyList<CustomerMetrics> _customers;
    private readonly GradeColumns _columns;
    private readonly TieringPolicy _policy;
    private readonly IReadOnlyList<string> _segments;
    private readonly IReadOnlyList<TierCut> _cuts;
    private readonly DateOnly _asOf;
    private readonly GroupAssignment? _groups;

    internal GradingResult(
        IReadOnlyList<CustomerMetrics> customers, GradeColumns columns, TieringPolicy policy, IReadOnlyList<string> segments, GradingSummary summary, GroupAssignment? groups = null)
    {
        _customers = customers;
        _columns = columns;
        _policy = policy;
        _segments = segments;
        _cuts = summary.TierCuts;
        _asOf = summary.AsOf;
        _groups = groups;
        Summary = summary;
        Grades = new GradeList(this);
    }

    public IReadOnlyList<CustomerGrade> Grades { get; }

    public GradingSummary Summary { get; }

    /// <summary>How long fitting the forecast's models and forecasting every customer took (kept out of the summary, which is the same on every run).</summary>
    public TimeSpan ForecastElapsed { get; private init; }

    internal GradeColumns Columns => _columns;

    internal IReadOnlyList<string> Segments => _segments;

    private CustomerGrade GradeAt(int i)
    {
        var c = _customers[i];
        var k = _columns;
        var tier = k.Tier[i];
        var previous = k.PreviousTier[i];
        var names = _policy.Tiers.Names;
        var cuts = _groups is null ? _cuts : _groups.Cuts[_groups.GroupOf[i]];
        var evidence = new GradeEvidence
        {
            Group = _groups?.Names[_groups.GroupOf[i]],
            NetRevenue = c.NetRevenue,
            PreviousNetRevenue = c.PreviousNetRevenue,
            DaysSinceLastOrder = c.LastOrderDate is { } last ? _asOf.DayNumber - last.DayNumber : null,
            DaysSinceFirstOrder = c.FirstOrderDate is { } first ? _asOf.DayNumber - first.DayNumber : null,
            TierCut = (float?)cuts[tier].MinScore,
            NextTierCut = tier == 0 ? null : (float?)(cuts[tier - 1].MinScore ?? TierHolding.ThresholdOf(_policy.Tiers, tier - 1)),
            GrowthRate = c.PreviousNetRevenue > 0 ? (float)(((double)c.NetRevenue / (double)c.PreviousNetRevenue) - 1) : null,
            GrowthTopShare = k.GrowthTopShare[i] > 0 ? k.GrowthTopShare[i] : null,
            MonetaryTopShare = k.MonetaryTopShare[i],
            FrequencyTopShare = k.FrequencyTopShare[i],
            ValueTopShare = k.ValueTopShare[i],
            AbcShareBefore = k.AbcShareBefore[i],
            OrderCount = c.OrderCount,
            PeriodsBelowTier = k.PeriodsBelow[i],
            EarnedTierIndex = k.EarnedTier[i],
            HeldByHysteresis = (k.Flags[i] & GradeColumns.Held) != 0,
            DemotedByMargin = (k.Flags[i] & GradeColumns.DemotedByMargin) != 0,
            ComputedTierIndex = k.ComputedTier[i],
            Overridden = (k.Flags[i] & GradeColumns.Overridden) != 0,
            OverrideExpired = (k.Flags[i] & GradeColumns.OverrideExpired) != 0,
        };
        return new CustomerGrade(
            c.Id,
            k.Recency[i],
            k.Frequency[i],
            k.Monetary[i],
            _segments[k.Segment[i]],
            k.Abc[i],
            k.Score[i],
            names[tier],
            tier,
            c.Previous?.Tier,
            previous < 0 ? TierMovement.New : tier < previous ? TierMovement.Up : tier > previous ? TierMovement.Down : TierMovement.Same,
            LifecycleRules.StageOf(c, _asOf, _policy.Lifecycle),
            k.GrowthTopShare[i] > 0,
            evidence,
            c.Override,
            k.Risk[i] == 0 ? null : new CustomerForecast(k.AliveProbability[i], k.ExpectedPurchases[i], (decimal)k.ExpectedRevenue[i], (ChurnRisk)k.Risk[i]),
            k.Credit[i] == 0 ? null : _policy.Credit.Grades[k.Credit[i] - 1],
            c.Credit);
    }

    /// <summary>The same grades once the forecast and credit grades (over the whole book, whatever the grouping) are in the columns and the summary.</summary>
    internal GradingResult WithWholeBook(GradingSummary summary, TimeSpan forecastElapsed) =>
        new(_customers, _columns, _policy, _segments, summary, _groups) { ForecastElapsed = forecastElapsed };


    private sealed class GradeList(GradingResult result) : IReadOnlyList<CustomerGrade>
    {
        public int Count => result._columns.Count;

        public CustomerGrade this[int index] =>
            (uint)index < (uint)Count ? result.GradeAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<CustomerGrade> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return result.GradeAt(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
