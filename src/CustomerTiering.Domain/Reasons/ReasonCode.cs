namespace CustomerTiering.Domain.Reasons;

/// <summary>What a reason says; its figures are in the <see cref="GradeReason"/> fields named for each code.</summary>
public enum ReasonCode
{
    /// <summary>Pinned to Tier by an administrator (the grading gave Other): Note = why, Until = the last day it holds.</summary>
    Overridden,

    /// <summary>An administrator's override to Tier expired on Until and no longer applies: Note = why it was set.</summary>
    OverrideExpired,

    /// <summary>Tier earned by rank: Value = score, Share = top share of the customer, Required = the tier's cumulative share, Threshold = its cut.</summary>
    TierByRank,

    /// <summary>Tier earned by score: Value = score, Threshold = the tier's minimum.</summary>
    TierByThreshold,

    /// <summary>What the tier above needs: Tier = that tier, Value = score, Threshold = its cut.</summary>
    NextTier,

    /// <summary>No net revenue in the window: lowest tier. Count = look-back months.</summary>
    NoRevenue,

    /// <summary>Kept in Tier although the score earns Other: Count = periods below, Required = periods allowed.</summary>
    HeldByHysteresis,

    /// <summary>Demoted from Tier after Count periods below it.</summary>
    DemotedAfterPeriods,

    /// <summary>Demoted from Tier at once: Value = score, Threshold = its cut, Required = margin.</summary>
    DemotedByMargin,

    /// <summary>Value = net revenue in the window, Share = top share, Count = look-back months.</summary>
    Monetary,

    /// <summary>Count = orders in the window, Share = top share.</summary>
    Frequency,

    /// <summary>Count = days since the last order; absent when there was none.</summary>
    Recency,

    /// <summary>RFM scores and segment: Tier = segment name, Other = the scores ("R5 F4 M5").</summary>
    Segment,

    /// <summary>ABC class Tier: Share = cumulative share ahead of the customer, Required = the class limit.</summary>
    Abc,

    /// <summary>Lifecycle stage Tier: Count = days (new, churned), Share = growth rate (growing, declining, stable).</summary>
    Lifecycle,

    /// <summary>Promotion candidate: Value = growth in revenue, Share = growth rank among candidates, Required = top share.</summary>
    RisingStar,

    /// <summary>Ranked among the customers of one group only: Tier = the group, Other = what the policy groups by (Region, Channel, Owner, Type).</summary>
    GradedWithinGroup,

    /// <summary>The forecast: Share = P(alive), Value = expected revenue, Required = expected purchases, Count = horizon months, Tier = churn risk band.</summary>
    Forecast,

    /// <summary>Credit grade Tier: Value = days late weighted by amount, Share = share of invoices late, Count = days the oldest open invoice is overdue,
    /// Required = credit limit use (null without a limit); Other = the better grade and Note = the limit it breaks (DaysLate, LateShare, Overdue, CreditUse).</summary>
    Credit,

    /// <summary>No invoice on record: no credit grade (not the worst one).</summary>
    NoCreditHistory,
}
