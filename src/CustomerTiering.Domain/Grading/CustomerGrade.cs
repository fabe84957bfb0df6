using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Domain.Grading;

/// <summary>One customer's grade for one period, with the evidence its reasons are told from.</summary>
public sealed record CustomerGrade(
    CustomerId Id,
    int RecencyScore,
    int FrequencyScore,
    int MonetaryScore,
    string Segment,
    AbcClass Abc,
    double ValueScore,
    string Tier,
    int TierIndex,
    string? PreviousTier,
    TierMovement Movement,
    LifecycleStage Lifecycle,
    bool RisingStar,
    GradeEvidence Evidence);
