using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Decides a customer's lifecycle stage from their order dates and revenue growth.</summary>
internal static class LifecycleRules
{
    public static LifecycleStage StageOf(CustomerMetrics c, DateOnly asOf, LifecyclePolicy policy)
    {
        if (c.FirstOrderDate is not { } first)
        {
            return LifecycleStage.Prospect;
        }

        if (asOf.DayNumber - first.DayNumber < policy.NewWithinDays)
        {
            return LifecycleStage.New;
        }

        // Only returns on record, or no purchase for the churn period.
        if (c.LastOrderDate is not { } last || asOf.DayNumber - last.DayNumber >= policy.ChurnAfterDays)
        {
            return LifecycleStage.Churned;
        }

        var change = c.NetRevenue - c.PreviousNetRevenue;
        if (c.PreviousNetRevenue <= 0)
        {
            return change > 0 && c.NetRevenue > 0 ? LifecycleStage.Growing : change < 0 ? LifecycleStage.Declining : LifecycleStage.Stable;
        }

        var rate = (double)c.NetRevenue / (double)c.PreviousNetRevenue - 1;
        return rate > policy.GrowingAbove ? LifecycleStage.Growing
            : rate < policy.DecliningBelow ? LifecycleStage.Declining
            : LifecycleStage.Stable;
    }
}
