using CustomerTiering.Domain.Grading;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData("prospect", LifecycleStage.Prospect)]
    [InlineData("new", LifecycleStage.New)]
    [InlineData("churned", LifecycleStage.Churned)]
    [InlineData("churned-on-the-day", LifecycleStage.Churned)]
    [InlineData("growing", LifecycleStage.Growing)]
    [InlineData("declining", LifecycleStage.Declining)]
    [InlineData("stable", LifecycleStage.Stable)]
    [InlineData("back-from-nothing", LifecycleStage.Growing)]
    [InlineData("returns-only", LifecycleStage.Churned)]
    public void Each_customer_gets_the_stage_the_policy_describes(string id, LifecycleStage expected)
    {
        var result = Grading.Grade(
        [
            Customer.Called("prospect").Prospect(),
            Customer.Called("new").FirstOrderDaysAgo(89).LastOrderDaysAgo(10).Revenue(100, previous: 0),
            Customer.Called("churned").LastOrderDaysAgo(400).Revenue(0, previous: 500),
            Customer.Called("churned-on-the-day").LastOrderDaysAgo(365).Revenue(0, previous: 0),
            Customer.Called("growing").Revenue(111, previous: 100),
            Customer.Called("declining").Revenue(89, previous: 100),
            Customer.Called("stable").Revenue(109, previous: 100),
            Customer.Called("back-from-nothing").Revenue(50, previous: 0),
            Customer.Called("returns-only").LastOrderDaysAgo(null).Revenue(-40, previous: 0).Orders(0),
        ]);

        Assert.Equal(expected, result.Of(id).Lifecycle);
    }

    [Fact]
    public void A_window_without_orders_is_graded_lowest_tier_with_recency_from_the_last_order_ever()
    {
        var result = Grading.Grade([Customer.Called("quiet").LastOrderDaysAgo(500).Revenue(0, previous: 0).Orders(0), Customer.Called("active").Revenue(10)]);

        var quiet = result.Of("quiet");
        Assert.Equal("D", quiet.Tier);
        Assert.Equal(500, quiet.Evidence.DaysSinceLastOrder);
        Assert.Equal(LifecycleStage.Churned, quiet.Lifecycle);
    }
}
