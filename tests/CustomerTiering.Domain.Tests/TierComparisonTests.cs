using CustomerTiering.Domain.Grading;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>A dry run's movement matrix, and the movers a run counts from its own.</summary>
public sealed class TierComparisonTests
{
    // 100 customers on a revenue ladder: C100 earns VIP, C099–C096 earn A, C095–C081 earn B, the rest C and D.
    private static readonly GradingResult Graded = Grading.Grade(Customer.Ladder(100));

    [Fact]
    public void Each_customer_is_counted_from_their_tier_then_to_their_tier_now_and_those_without_one_as_new()
    {
        var then = new Dictionary<string, string> { ["C100"] = "A", ["C099"] = "A", ["C098"] = "VIP" };

        var matrix = TierComparison.Matrix(Graded.Grades, id => then.GetValueOrDefault(id));

        Assert.Equal(1, matrix["A"]["VIP"]);
        Assert.Equal(1, matrix["A"]["A"]);
        Assert.Equal(1, matrix["VIP"]["A"]);
        Assert.Equal(97, matrix[GradingSummary.NewCustomers].Values.Sum());
        Assert.Equal(100, matrix.Values.Sum(row => row.Values.Sum()));
    }

    [Fact]
    public void The_matrix_lists_rows_and_columns_in_ordinal_order_whatever_the_order_of_the_grades()
    {
        var then = new Dictionary<string, string> { ["C100"] = "B", ["C050"] = "A" };

        var forwards = TierComparison.Matrix(Graded.Grades, id => then.GetValueOrDefault(id));
        var backwards = TierComparison.Matrix(Graded.Grades.Reverse(), id => then.GetValueOrDefault(id));

        Assert.Equal(forwards.Keys, backwards.Keys);
        Assert.Equal(forwards.Keys.Order(StringComparer.Ordinal), forwards.Keys);
        Assert.All(forwards, row => Assert.Equal(row.Value.Keys.Order(StringComparer.Ordinal), row.Value.Keys));
    }

    [Fact]
    public void Movers_are_the_counts_off_the_diagonal_and_new_customers_are_none_of_them()
    {
        var regraded = Grading.Grade(Customer.Ladder(100), null, Grading.Held("C100", "A"), Grading.Held("C097", "VIP", periodsBelow: 1), Grading.Held("C096", "A"));

        Assert.Equal(2, regraded.Summary.CountMovers());
        Assert.Equal(0, Graded.Summary.CountMovers());
    }
}
