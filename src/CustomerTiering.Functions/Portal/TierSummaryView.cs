using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Functions.Access;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// How customers and revenue spread over tiers, segments, ABC classes and lifecycle stages in a period, with the change
/// against the period before: does the top tier carry most revenue, are B and C really different; and per tier, the
/// customers whose playbook wants a dedicated manager and who have none; and the KPIs of each tier, segment, ABC class
/// and lifecycle stage with the revenue concentration (absent for runs made before they were computed); and the
/// separation warnings, in the language asked for. For a run graded within groups, <see cref="GroupBy"/> names what it
/// grouped by and <see cref="Groups"/> each group's customers and revenue; the figures are the whole book's, or those of
/// <see cref="Group"/> when one was asked for (compared with the same group of the period before; the customers
/// without owner stay the whole book's). The movement matrix (last period's tier, or "new", to this period's) and the
/// R×FM grid are what the dashboard draws its flow and heatmap from. Credit grades (per grade, and tier × grade) and the
/// forecast (models, risk bands) are the whole book's.
/// A rep's summary (<see cref="Scope"/> <c>book</c>) is of their own customers: customers, revenue and tiers with the
/// change since the period before, from the run's owner books; every figure kept only for the whole book (segments,
/// classes, stages, rising stars, KPIs, warnings, movements, grids, credit, forecast, customers without owner) is absent
/// or empty, so that nothing of other books shows.
/// </summary>
public sealed record TierSummaryView(
    string Scope,
    string Period,
    string RunId,
    string PolicyVersion,
    string? PreviousPeriod,
    int Customers,
    decimal Revenue,
    IReadOnlyList<GroupView> Tiers,
    IReadOnlyList<GroupView> Segments,
    IReadOnlyList<GroupView> AbcClasses,
    IReadOnlyList<GroupView> Lifecycle,
    int? RisingStars,
    IReadOnlyDictionary<string, int> WithoutOwner,
    GradingKpis? Kpis,
    IReadOnlyList<WarningView> Warnings,
    GradingGroup GroupBy,
    string? Group,
    IReadOnlyList<GroupTotals>? Groups,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Movements,
    IReadOnlyList<RfmCell>? RfmGrid,
    CreditSummary? Credit,
    ForecastSummary? Forecast)
{
    // owners: the run's owner books; null for runs made before they were kept. group: one of now's groups, or null.
    public static TierSummaryView From(
        string period, string runId, GradingSummary now, string? previousPeriod, GradingSummary? before, OwnerSummary? owners, ReasonLanguage language,
        string? group = null)
    {
        ArgumentNullException.ThrowIfNull(now);
        var whole = now;
        if (group is not null)
        {
            now = now.Groups!.Single(g => g.Group == group).Summary;
            before = before?.Groups?.FirstOrDefault(g => g.Group == group)?.Summary;
        }

        return new TierSummaryView("all", period, runId, now.PolicyVersion, previousPeriod, now.Customers, now.TotalRevenue,
            GroupView.Compare(now.Tiers, before?.Tiers), GroupView.Compare(now.Segments, before?.Segments),
            GroupView.Compare(now.AbcClasses, before?.AbcClasses), GroupView.Compare(now.Lifecycle, before?.Lifecycle), now.RisingStars,
            (owners ?? OwnerSummary.Empty).WithoutOwner, now.Kpis, [.. (now.Warnings ?? []).Select(w => WarningView.Of(w, language))],
            whole.GroupBy, group,
            whole.Groups is { } groups
                ? [.. groups.Select(g => new GroupTotals(g.Group, g.Summary.Customers, g.Summary.TotalRevenue,
                    whole.TotalRevenue > 0 ? Math.Round((double)(g.Summary.TotalRevenue / whole.TotalRevenue), 6) : 0))]
                : null,
            now.Movements, now.RfmGrid, whole.Credit, whole.Forecast);
    }

    /// <summary>The summary of a rep's book: the tiers of the run's owner books that are in <paramref name="scope"/>, added up.</summary>
    public static TierSummaryView OfBook(
        string period, string runId, GradingSummary now, OwnerSummary? owners, string? previousPeriod, OwnerSummary? before, ReadScope scope)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(scope);
        var tiers = now.Tiers.Select(t => t.Group).ToList();
        var book = TiersOf(owners, tiers, scope);
        return new TierSummaryView("book", period, runId, now.PolicyVersion, previousPeriod, book.Sum(t => t.Customers), book.Sum(t => t.Revenue),
            GroupView.Compare(book, previousPeriod is null ? null : TiersOf(before, tiers, scope)), [], [], [], null,
            new Dictionary<string, int>(), null, [], now.GroupBy, null, null, new Dictionary<string, IReadOnlyDictionary<string, int>>(), null, null, null);
    }

    private static List<GroupTotals> TiersOf(OwnerSummary? owners, IReadOnlyList<string> tiers, ReadScope scope)
    {
        var books = (owners ?? OwnerSummary.Empty).Owners.Where(b => scope.Covers(b.Owner)).ToList();
        var loads = tiers.Select(t => (Tier: t, Customers: books.Sum(b => b.Tiers.GetValueOrDefault(t)?.Customers ?? 0),
            Revenue: books.Sum(b => b.Tiers.GetValueOrDefault(t)?.Revenue ?? 0))).ToList();
        var revenue = loads.Sum(l => l.Revenue);
        return [.. loads.Select(l => new GroupTotals(l.Tier, l.Customers, l.Revenue, revenue > 0 ? Math.Round((double)(l.Revenue / revenue), 6) : 0))];
    }
}
