using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Functions.Portal;

/// <summary>One tier, segment, class or stage: its customers and revenue, and their change since the period before (null when there was none).</summary>
public sealed record GroupView(
    string Group,
    int Customers,
    decimal Revenue,
    double RevenueShare,
    int? CustomersChange,
    decimal? RevenueChange,
    double? RevenueShareChange)
{
    public static IReadOnlyList<GroupView> Compare(IReadOnlyList<GroupTotals> now, IReadOnlyList<GroupTotals>? before)
    {
        ArgumentNullException.ThrowIfNull(now);
        return [.. now.Select(g =>
        {
            var earlier = before?.FirstOrDefault(b => b.Group == g.Group);
            var known = before is not null;
            return new GroupView(g.Group, g.Customers, g.Revenue, g.RevenueShare,
                known ? g.Customers - (earlier?.Customers ?? 0) : null,
                known ? g.Revenue - (earlier?.Revenue ?? 0) : null,
                known ? Math.Round(g.RevenueShare - (earlier?.RevenueShare ?? 0), 6) : null);
        })];
    }
}
