using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Reasons;

/// <summary>Derives a grade's reasons from the grade's own evidence and the policy that made it: the tier first, then what fed it.</summary>
public static class GradeExplainer
{
    public static IReadOnlyList<GradeReason> Explain(in CustomerGrade grade, TieringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var e = grade.Evidence;
        var names = policy.Tiers.Names;
        var reasons = new List<GradeReason>(8);

        if (grade.Override is { } pinned && (e.Overridden || e.OverrideExpired))
        {
            reasons.Add(e.Overridden
                ? new GradeReason(ReasonCode.Overridden, grade.Tier, names[e.ComputedTierIndex], Note: pinned.Reason, Until: pinned.Expires)
                : new GradeReason(ReasonCode.OverrideExpired, pinned.Tier, Note: pinned.Reason, Until: pinned.Expires));
        }

        if (e.Overridden)
        {
            // The override, told first, is the tier's reason; how the score alone would have placed it does not apply.
        }
        else if (e.NetRevenue <= 0)
        {
            reasons.Add(new GradeReason(ReasonCode.NoRevenue, grade.Tier, Count: policy.LookbackMonths));
        }
        else if (e.HeldByHysteresis)
        {
            reasons.Add(new GradeReason(ReasonCode.HeldByHysteresis, grade.Tier, names[e.EarnedTierIndex],
                Value: grade.ValueScore, Count: e.PeriodsBelowTier, Required: policy.Hysteresis.PeriodsBelow));
        }
        else if (policy.Tiers.Method == TierMethod.RankShare)
        {
            reasons.Add(new GradeReason(ReasonCode.TierByRank, grade.Tier, Value: grade.ValueScore, Share: e.ValueTopShare,
                Required: policy.Tiers.Shares!.Take(grade.TierIndex + 1).Sum(), Threshold: e.TierCut));
        }
        else
        {
            reasons.Add(new GradeReason(ReasonCode.TierByThreshold, grade.Tier, Value: grade.ValueScore,
                Threshold: grade.TierIndex < names.Count - 1 ? policy.Tiers.Thresholds![grade.TierIndex] : null));
        }

        if (!e.Overridden && grade.Movement == TierMovement.Down && grade.PreviousTier is { } from)
        {
            reasons.Add(e.DemotedByMargin
                ? new GradeReason(ReasonCode.DemotedByMargin, from, Value: grade.ValueScore, Required: policy.Hysteresis.Margin)
                : new GradeReason(ReasonCode.DemotedAfterPeriods, from, Count: policy.Hysteresis.PeriodsBelow));
        }

        if (!e.Overridden && grade.TierIndex > 0 && e.NextTierCut is { } next && e.NetRevenue > 0)
        {
            reasons.Add(new GradeReason(ReasonCode.NextTier, names[grade.TierIndex - 1], Value: grade.ValueScore, Threshold: next));
        }

        if (e.Group is { } group)
        {
            reasons.Add(new GradeReason(ReasonCode.GradedWithinGroup, group, policy.GroupBy.ToString()));
        }

        reasons.Add(new GradeReason(ReasonCode.Monetary, Value: (double)e.NetRevenue, Share: e.MonetaryTopShare, Count: policy.LookbackMonths));
        reasons.Add(new GradeReason(ReasonCode.Frequency, Count: e.OrderCount, Share: e.FrequencyTopShare));
        reasons.Add(new GradeReason(ReasonCode.Recency, Count: e.DaysSinceLastOrder));
        reasons.Add(new GradeReason(ReasonCode.Segment, grade.Segment, $"R{grade.RecencyScore} F{grade.FrequencyScore} M{grade.MonetaryScore}"));
        reasons.Add(new GradeReason(ReasonCode.Abc, grade.Abc.ToString(), Share: e.AbcShareBefore,
            Required: grade.Abc switch { AbcClass.A => policy.Abc.AUpTo, AbcClass.B => policy.Abc.BUpTo, _ => null }));
        reasons.Add(new GradeReason(ReasonCode.Lifecycle, grade.Lifecycle.ToString(),
            Count: grade.Lifecycle switch
            {
                LifecycleStage.New => e.DaysSinceFirstOrder,
                LifecycleStage.Churned => e.DaysSinceLastOrder,
                _ => null,
            },
            Share: grade.Lifecycle is LifecycleStage.Growing or LifecycleStage.Declining or LifecycleStage.Stable ? e.GrowthRate : null));
        reasons.Add(CreditReason(grade, policy));
        if (grade.Forecast is { } forecast)
        {
            reasons.Add(new GradeReason(ReasonCode.Forecast, forecast.Risk.ToString(), Value: (double)forecast.ExpectedRevenue, Share: forecast.ProbabilityAlive,
                Required: forecast.ExpectedPurchases, Count: policy.Forecast.HorizonMonths));
        }

        if (grade.RisingStar)
        {
            reasons.Add(new GradeReason(ReasonCode.RisingStar, Value: (double)(e.NetRevenue - e.PreviousNetRevenue), Share: e.GrowthTopShare, Required: policy.RisingStars.TopShare));
        }

        return reasons;
    }

    private static GradeReason CreditReason(in CustomerGrade grade, TieringPolicy policy)
    {
        if (grade.Credit is not { } record || grade.CreditGrade is not { } credit)
        {
            return new GradeReason(ReasonCode.NoCreditHistory);
        }

        // What keeps the customer from the grade above: the first of its limits the record breaks.
        var index = TieringEngine.IndexOf(policy.Credit.Grades, credit);
        var better = index > 0 ? policy.Credit.Grades[index - 1] : null;
        var breach = better is null ? null : CreditGrader.FirstBreach(record, policy.Credit.Limits[index - 1]);
        return new GradeReason(ReasonCode.Credit, credit, better, Value: record.WeightedDaysLate, Share: record.LateShare, Count: record.LongestOverdueDays,
            Required: record.CreditUse, Note: breach?.ToString());
    }
}
