namespace CustomerTiering.Domain.Grading;

/// <summary>One point of the Pareto curve: the best <see cref="CustomerShare"/> of customers bring <see cref="RevenueShare"/> of revenue.</summary>
public sealed record ParetoPoint(double CustomerShare, double RevenueShare);

/// <summary>
/// How concentrated revenue is: the Pareto curve (customers ranked by net revenue, best first, at every percent) and the
/// shares of the top 1%, 5% and 20%. Shares are of the positive revenue, so returns cannot push a share above 1.
/// </summary>
public sealed record Concentration(IReadOnlyList<ParetoPoint> Pareto, double Top1Percent, double Top5Percent, double Top20Percent);

/// <summary>The KPIs of a run: per tier, segment, ABC class and lifecycle stage, and the revenue concentration.</summary>
public sealed record GradingKpis(
    IReadOnlyList<GroupKpis> Tiers,
    IReadOnlyList<GroupKpis> Segments,
    IReadOnlyList<GroupKpis> AbcClasses,
    IReadOnlyList<GroupKpis> Lifecycle,
    Concentration Concentration);
