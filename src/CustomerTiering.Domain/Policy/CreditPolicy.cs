namespace CustomerTiering.Domain.Policy;

/// <summary>
/// The credit evaluation standard: grade names from best to worst, and for every grade but the last the limits a
/// customer's payment record must keep to earn it. The first grade whose every limit holds is the customer's; a
/// customer without invoices has no credit grade (no credit history), which is not the worst grade.
/// </summary>
public sealed record CreditPolicy
{
    public IReadOnlyList<string> Grades { get; init; } = ["A", "B", "C", "D"];

    public IReadOnlyList<CreditLimits> Limits { get; init; } =
    [
        new() { MaxWeightedDaysLate = 5, MaxLateShare = 0.10, MaxOverdueDays = 0, MaxCreditUse = 0.8 },
        new() { MaxWeightedDaysLate = 15, MaxLateShare = 0.25, MaxOverdueDays = 30, MaxCreditUse = 1.0 },
        new() { MaxWeightedDaysLate = 45, MaxLateShare = 0.50, MaxOverdueDays = 90, MaxCreditUse = 1.2 },
    ];
}
