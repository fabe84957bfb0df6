using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Storage.Grades;

/// <summary>
/// One customer's grade in one run, as kept: the row the portal reads, a line of the period's snapshot. Carries the
/// master data it was graded with, so a period reads the same after the customer's master data changes.
/// </summary>
public sealed record StoredGrade
{
    public required string CustomerId { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Region { get; init; }

    public string? Channel { get; init; }

    public string? Owner { get; init; }

    /// <summary>When the customer was last contacted, as the customer export said at grading time.</summary>
    public DateOnly? LastContact { get; init; }

    /// <summary>The tier's playbook wants a dedicated account manager and the customer has no owner.</summary>
    public bool NeedsOwner { get; init; }

    public required string Period { get; init; }

    public required string RunId { get; init; }

    public required string PolicyVersion { get; init; }

    public required string Tier { get; init; }

    /// <summary>The tier the grading gave when an administrator's override replaced it; null without one.</summary>
    public string? ComputedTier { get; init; }

    public int TierIndex { get; init; }

    public string? PreviousTier { get; init; }

    /// <summary>New, Up, Same or Down against the previous period.</summary>
    public required TierMovement Movement { get; init; }

    /// <summary>The first period of the unbroken run of periods in which the customer has held <see cref="Tier"/>.</summary>
    public required string TierSince { get; init; }

    /// <summary>Last period's segment and lifecycle stage, as carried; null for a new customer or an older run.</summary>
    public string? PreviousSegment { get; init; }

    public string? PreviousLifecycle { get; init; }

    public int PeriodsBelowTier { get; init; }

    public int RecencyScore { get; init; }

    public int FrequencyScore { get; init; }

    public int MonetaryScore { get; init; }

    public required string Segment { get; init; }

    public required string Abc { get; init; }

    public double ValueScore { get; init; }

    public required string Lifecycle { get; init; }

    public bool RisingStar { get; init; }

    public decimal NetRevenue { get; init; }

    public decimal PreviousNetRevenue { get; init; }

    public int OrderCount { get; init; }

    public DateOnly? LastOrderDate { get; init; }

    /// <summary>The credit grade's name, or NoHistory for a customer without invoices (null in runs made before credit grades).</summary>
    public string? CreditGrade { get; init; }

    /// <summary>The forecast's P(alive); with the next three, null for a customer without a forecast (a prospect, or a run without one).</summary>
    public double? AliveProbability { get; init; }

    public double? ExpectedPurchases { get; init; }

    public decimal? ExpectedRevenue { get; init; }

    /// <summary>Low, Medium or High.</summary>
    public string? ChurnRisk { get; init; }

    public IReadOnlyList<GradeReason> Reasons { get; init; } = [];

    /// <summary>What the next period's run needs of this grade.</summary>
    public CarriedGrade Carried() => new(CustomerId, Tier, PeriodsBelowTier, TierSince);
}
