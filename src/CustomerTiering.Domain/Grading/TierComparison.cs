namespace CustomerTiering.Domain.Grading;

/// <summary>How a graded population compares with another period's tiers: the movement matrix a dry run reports.</summary>
public static class TierComparison
{
    /// <summary>
    /// Customers counted from their tier then (<see cref="GradingSummary.NewCustomers"/> for those without one) to their tier
    /// now; rows and columns in ordinal order, so the same grades always give the same matrix.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Matrix(IEnumerable<CustomerGrade> grades, Func<string, string?> tierThen)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(tierThen);
        var matrix = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            var from = tierThen(grade.Id.Value) ?? GradingSummary.NewCustomers;
            if (!matrix.TryGetValue(from, out var row))
            {
                matrix[from] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[grade.Tier] = row.GetValueOrDefault(grade.Tier) + 1;
        }

        return matrix.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Value, StringComparer.Ordinal);
    }
}
