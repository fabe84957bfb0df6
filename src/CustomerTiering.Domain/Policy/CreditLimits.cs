namespace CustomerTiering.Domain.Policy;

/// <summary>What one credit grade allows: days late (amount-weighted), share of invoices late, days the oldest open invoice is overdue, credit limit use.</summary>
public sealed record CreditLimits
{
    public double MaxWeightedDaysLate { get; init; }

    public double MaxLateShare { get; init; }

    public int MaxOverdueDays { get; init; }

    /// <summary>Open balance over the credit limit; not checked for a customer without a limit.</summary>
    public double MaxCreditUse { get; init; }
}
