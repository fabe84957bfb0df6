using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>A customer's grade in one period, as the portal shows it.</summary>
public sealed record GradeView(
    string Period,
    string RunId,
    string PolicyVersion,
    string Tier,
    string? ComputedTier,
    string? PreviousTier,
    TierMovement Movement,
    string TierSince,
    int RecencyScore,
    int FrequencyScore,
    int MonetaryScore,
    string Segment,
    string Abc,
    LifecycleStage Lifecycle,
    bool PromotionCandidate,
    double ValueScore,
    decimal NetRevenue,
    int OrderCount,
    DateOnly? LastOrderDate,
    IReadOnlyList<ReasonView> Reasons,
    ForecastView? Forecast,
    string? CreditGrade)
{
    public static GradeView From(StoredGrade g, ReasonLanguage language, DisplayNames names)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new GradeView(g.Period, g.RunId, g.PolicyVersion, g.Tier, g.ComputedTier, g.PreviousTier, g.Movement, g.TierSince,
            g.RecencyScore, g.FrequencyScore, g.MonetaryScore, g.Segment, g.Abc, Enum.Parse<LifecycleStage>(g.Lifecycle), g.RisingStar, g.ValueScore,
            g.NetRevenue, g.OrderCount, g.LastOrderDate,
            [.. g.Reasons.Select(r => new ReasonView(r.Code, ReasonRenderer.Render(r, language, names)))],
            g.ChurnRisk is { } risk ? new ForecastView(g.AliveProbability!.Value, g.ExpectedPurchases!.Value, g.ExpectedRevenue!.Value, Enum.Parse<Domain.Forecasting.ChurnRisk>(risk)) : null,
            g.CreditGrade);
    }
}
