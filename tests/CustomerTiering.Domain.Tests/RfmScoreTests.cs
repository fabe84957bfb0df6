using CustomerTiering.Domain.Grading;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class RfmScoreTests
{
    [Theory]
    [InlineData(0, 10, 5, 1)]
    [InlineData(9, 10, 5, 5)]
    [InlineData(2, 10, 5, 2)]
    [InlineData(1, 3, 5, 2)]
    [InlineData(2, 3, 5, 4)]
    [InlineData(0, 1, 5, 1)]
    [InlineData(999_999, 1_000_000, 5, 5)]
    [InlineData(199_999, 1_000_000, 5, 1)]
    [InlineData(200_000, 1_000_000, 5, 2)]
    public void Score_is_one_plus_floor_of_B_times_L_over_n(int worse, int n, int bins, int expected) =>
        Assert.Equal(expected, TieringEngine.Score(worse, n, bins));

    [Fact]
    public void No_customers_grade_to_nothing()
    {
        var result = Grading.Grade([]);

        Assert.Empty(result.Grades);
        Assert.Equal(0, result.Summary.Customers);
        Assert.All(result.Summary.Tiers, t => Assert.Equal(0, t.Customers));
    }

    [Fact]
    public void A_single_customer_has_nobody_worse_and_scores_1()
    {
        var grade = Grading.Grade([Customer.Called("C1").Revenue(500)]).Of("C1");

        Assert.Equal((1, 1, 1), (grade.RecencyScore, grade.FrequencyScore, grade.MonetaryScore));
        Assert.Equal("VIP", grade.Tier); // the only customer with revenue ranks first
    }

    [Fact]
    public void Fewer_customers_than_bins_spread_over_the_scale_without_reaching_B()
    {
        var result = Grading.Grade(Customer.Ladder(3));

        Assert.Equal([1, 2, 4], result.Grades.Select(g => g.MonetaryScore));
    }

    [Fact]
    public void Equal_values_get_equal_scores_and_all_equal_means_all_1()
    {
        var result = Grading.Grade([.. Enumerable.Range(0, 7).Select(i => Customer.Called($"C{i}").Revenue(42).Build())]);

        Assert.All(result.Grades, g => Assert.Equal(1, g.MonetaryScore));
        Assert.All(result.Grades, g => Assert.Equal(1, g.FrequencyScore));
    }

    [Fact]
    public void Ties_share_the_score_of_the_lowest_position_they_hold()
    {
        var result = Grading.Grade(
        [
            Customer.Called("low").Revenue(10), Customer.Called("tie1").Revenue(50), Customer.Called("tie2").Revenue(50),
            Customer.Called("tie3").Revenue(50), Customer.Called("top").Revenue(90),
        ]);

        // L = 0, 1, 1, 1, 4 of n = 5 → 1, 2, 2, 2, 5
        Assert.Equal([1, 2, 2, 2, 5], result.Grades.Select(g => g.MonetaryScore));
    }

    [Fact]
    public void Negative_and_zero_revenue_rank_below_positive()
    {
        var result = Grading.Grade(
        [
            Customer.Called("returns-only").Revenue(-300).Orders(0), Customer.Called("zero").Revenue(0).Orders(0),
            Customer.Called("some").Revenue(10), Customer.Called("more").Revenue(1000), Customer.Called("most").Revenue(5000),
        ]);

        Assert.Equal([1, 2, 3, 4, 5], result.Grades.Select(g => g.MonetaryScore));
    }

    [Fact]
    public void Recency_counts_longer_ago_as_worse_and_never_ordering_as_worst()
    {
        var result = Grading.Grade(
        [
            Customer.Called("never").Prospect(), Customer.Called("old").LastOrderDaysAgo(400),
            Customer.Called("recent").LastOrderDaysAgo(3), Customer.Called("mid").LastOrderDaysAgo(100),
            Customer.Called("today").LastOrderDaysAgo(0),
        ]);

        Assert.Equal([1, 2, 4, 3, 5], result.Grades.Select(g => g.RecencyScore));
    }
}
