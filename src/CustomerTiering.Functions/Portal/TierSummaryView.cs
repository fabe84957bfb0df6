using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// How customers and revenue spread over tiers, segments, ABC classes and lifecycle stages in a period, with the change
/// against the period before: does the top tier carry most revenue, are B and C really different; and per tier, the
/// customers whose playbook wants a dedicated manager and who have none; and the KPIs of each tier, segment, ABC class
/// and lifecycle stage with the revenue concentration (absent for runs made before they were computed); and the
/// separation warnings, in the language asked for.
/// </summary>
public sealed record TierSummaryView(
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
    int RisingStars,
    IReadOnlyDictionary<string, int> WithoutOwner,
    GradingKpis? Kpis,
    IReadOnlyList<WarningView> Warnings)
{
    // owners: the run's owner books; null for runs made before they were kept.
    public static TierSummaryView From(
        string period, string runId, GradingSummary now, string? previousPeriod, GradingSummary? before, OwnerSummary? owners, ReasonLanguage language)
    {
        ArgumentNullException.ThrowIfNull(now);
        return new TierSummaryView(period, runId, now.PolicyVersion, previousPeriod, now.Customers, now.TotalRevenue,
            GroupView.Compare(now.Tiers, before?.Tiers), GroupView.Compare(now.Segments, before?.Segments),
            GroupView.Compare(now.AbcClasses, before?.AbcClasses), GroupView.Compare(now.Lifecycle, before?.Lifecycle), now.RisingStars,
            (owners ?? OwnerSummary.Empty).WithoutOwner, now.Kpis, [.. (now.Warnings ?? []).Select(w => WarningView.Of(w, language))]);
    }
}
