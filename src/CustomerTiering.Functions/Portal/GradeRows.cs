using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>A list of grades as the rows of a spreadsheet: one customer a row, the reasons in the language asked for.</summary>
public static class GradeRows
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "customerId", "name", "type", "region", "channel", "owner", "period", "tier", "computedTier", "previousTier", "movement", "tierSince",
        "segment", "abc", "lifecycle", "risingStar", "netRevenue", "orders", "lastOrder", "valueScore", "creditGrade", "churnRisk", "reasons",
    ];

    public static object?[] Of(StoredGrade g, ReasonLanguage language, DisplayNames names)
    {
        ArgumentNullException.ThrowIfNull(g);
        return
        [
            g.CustomerId, g.Name, g.Type, g.Region, g.Channel, g.Owner, g.Period, g.Tier, g.ComputedTier, g.PreviousTier,
            g.Movement.ToString().ToLowerInvariant(), g.TierSince, g.Segment, g.Abc, g.Lifecycle, g.RisingStar, g.NetRevenue, g.OrderCount,
            g.LastOrderDate, Math.Round(g.ValueScore, 4), g.CreditGrade, g.ChurnRisk,
            string.Join("; ", g.Reasons.Select(r => ReasonRenderer.Render(r, language, names))),
        ];
    }
}
