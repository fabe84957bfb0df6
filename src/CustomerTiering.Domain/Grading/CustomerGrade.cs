using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Forecasting;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// One customer's grade for one period, with the evidence its reasons are told from. A struct: a run holds a million
/// of them in one array, which the collector never has to copy object by object.
/// </summary>
public readonly record struct CustomerGrade(
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
    GradeEvidence Evidence,
    TierOverride? Override = null,
    CustomerForecast? Forecast = null,
    string? CreditGrade = null,
    CreditRecord? Credit = null);
