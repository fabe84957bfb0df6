using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// What a run produced as a whole: distribution and revenue share per tier, segment, ABC class and lifecycle stage;
/// the movement matrix (from tier, or "new", to tier); the cuts actually used; the policy version; the KPIs (absent
/// in summaries of runs made before they were computed); for a run graded within groups, what it grouped by and each
/// group's own summary (the tier cuts here then span the groups' cuts); the customers and revenue of every non-empty
/// cell of the R×FM grid; the churn-risk and spend forecast (its models and bands); the credit grades.
/// </summary>
public sealed record GradingSummary(
    string PolicyVersion,
    DateOnly AsOf,
    int Customers,
    decimal TotalRevenue,
    IReadOnlyList<GroupTotals> Tiers,
    IReadOnlyList<GroupTotals> Segments,
    IReadOnlyList<GroupTotals> AbcClasses,
    IReadOnlyList<GroupTotals> Lifecycle,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Movements,
    IReadOnlyList<TierCut> TierCuts,
    int RisingStars,
    GradingKpis? Kpis = null,
    IReadOnlyList<SeparationWarning>? Warnings = null,
    GradingGroup GroupBy = GradingGroup.None,
    IReadOnlyList<GroupSummary>? Groups = null,
    IReadOnlyList<RfmCell>? RfmGrid = null,
    ForecastSummary? Forecast = null,
    CreditSummary? Credit = null)
{
    /// <summary>The row of the movement matrix for customers not graded in the previous period.</summary>
    public const string NewCustomers = "new";

    /// <summary>Customers whose tier moved up or down: every count off the matrix's diagonal, new customers apart.</summary>
    public int CountMovers() => Movements
        .Where(from => from.Key != NewCustomers)
        .Sum(from => from.Value.Where(to => to.Key != from.Key).Sum(to => to.Value));
}
