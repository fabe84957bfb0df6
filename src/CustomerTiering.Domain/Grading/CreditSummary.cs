namespace CustomerTiering.Domain.Grading;

/// <summary>Customers and revenue per credit grade (and without a credit history), and the customers of each value tier per credit grade.</summary>
public sealed record CreditSummary(IReadOnlyList<GroupTotals> Grades, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByTier)
{
    /// <summary>The group of customers without invoices.</summary>
    public const string NoHistory = "NoHistory";
}
