using CustomerTiering.Domain.Policy;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class ValueTierTests
{
    [Fact]
    public void Rank_shares_cut_a_thousand_distinct_customers_into_1_4_15_30_50_percent()
    {
        var result = Grading.Grade(Customer.Ladder(1000));

        Assert.Equal([10, 40, 150, 300, 500], result.Summary.Tiers.Select(t => t.Customers));
        Assert.Equal("VIP", result.Of("C1000").Tier);
        Assert.Equal("D", result.Of("C001").Tier);
    }

    [Fact]
    public void A_customer_without_net_revenue_is_in_the_lowest_tier_whatever_else_they_score()
    {
        var result = Grading.Grade(
        [
            Customer.Called("returns").Revenue(-10).Orders(20).Breadth(9).LastOrderDaysAgo(0), Customer.Called("buyer").Revenue(10),
        ]);

        Assert.Equal("D", result.Of("returns").Tier);
        Assert.Equal("VIP", result.Of("buyer").Tier);
    }

    [Fact]
    public void Threshold_method_places_by_absolute_score()
    {
        var policy = TieringPolicy.Default with
        {
            Tiers = TieringPolicy.Default.Tiers with
            {
                Method = TierMethod.Threshold,
                Shares = null,
                Thresholds = [90, 70, 40, 10],
                Weights = new ValueWeights { Monetary = 1 },
            },
        };

        // Monetary position L/(n-1) over 11 customers: 0, 10, …, 100 points.
        var result = Grading.Grade(Customer.Ladder(11), policy);

        Assert.Equal(["D", "C", "C", "C", "B", "B", "B", "A", "A", "VIP", "VIP"], result.Grades.Select(g => g.Tier));
    }

    [Fact]
    public void Cuts_record_the_score_span_of_each_tier()
    {
        var result = Grading.Grade(Customer.Ladder(100));

        var vip = result.Summary.TierCuts[0];
        Assert.Equal("VIP", vip.Tier);
        Assert.Equal(result.Of("C100").ValueScore, vip.MinScore);
        Assert.True(result.Summary.TierCuts[1].MaxScore < vip.MinScore);
    }

    [Fact]
    public void Revenue_shares_per_tier_add_up_to_the_whole()
    {
        var result = Grading.Grade(Customer.Ladder(200));

        Assert.Equal(1.0, result.Summary.Tiers.Sum(t => t.RevenueShare), 5);
        Assert.Equal(result.Summary.TotalRevenue, result.Summary.Tiers.Sum(t => t.Revenue));
    }

    [Fact]
    public void Grading_twice_gives_identical_results()
    {
        var customers = Customer.Ladder(500);

        var first = Grading.Grade(customers);
        var second = Grading.Grade(customers);

        Assert.Equal(first.Grades, second.Grades);
    }
}
