namespace CustomerTiering.Domain.Grading;

/// <summary>
/// What one group (a tier, a segment, an ABC class, a lifecycle stage) brings: customers, net revenue and its share,
/// margin and its share where known, mean and median revenue per customer, orders per customer, average order value,
/// median days since the last order; for tiers, retention and churn of last period's members.
/// </summary>
public sealed record GroupKpis(
    string Group,
    int Customers,
    decimal Revenue,
    double RevenueShare,
    decimal? Margin,
    double? MarginShare,
    decimal MeanRevenue,
    decimal MedianRevenue,
    double OrdersPerCustomer,
    decimal? AverageOrderValue,
    int? MedianRecencyDays,
    double? Retention,
    double? Churn);
