using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Domain.Customers;

/// <summary>
/// What grading looks at for one customer over the look-back window ending at the as-of date.
/// Money is net: returns and cancellations are negative and subtract. <see cref="FirstOrderDate"/> counts any order,
/// <see cref="LastOrderDate"/> only purchases (a return is not a sign of life).
/// </summary>
public sealed record CustomerMetrics(
    CustomerProfile Profile,
    DateOnly? FirstOrderDate,
    DateOnly? LastOrderDate,
    int OrderCount,
    decimal NetRevenue,
    decimal? Margin,
    int ProductBreadth,
    decimal PreviousNetRevenue)
{
    public CustomerId Id => Profile.Id;

    /// <summary>Last period's grade, which hysteresis weighs; null for a customer graded for the first time.</summary>
    public PreviousGrade? Previous { get; init; }

    /// <summary>A tier an administrator pinned the customer to, as the run's inputs hold it; rides along like <see cref="Previous"/>.</summary>
    public Grading.TierOverride? Override { get; init; }

    /// <summary>Every purchase day up to the as-of date, beyond the look-back window: what the churn-risk and spend models read; null without a purchase.</summary>
    public PurchaseHistory? History { get; init; }

    /// <summary>How the customer has paid their invoices; null without any (no credit history).</summary>
    public CreditRecord? Credit { get; init; }

    /// <summary>A customer without any order, ever: a prospect.</summary>
    public static CustomerMetrics Prospect(CustomerProfile profile) => new(profile, null, null, 0, 0m, null, 0, 0m);
}
