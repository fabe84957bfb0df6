using CustomerTiering.Domain.Customers;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class MetricsCalculatorTests
{
    private static readonly CustomerProfile Profile = new(CustomerId.Create("C1"));
    private static readonly MetricsWindow Window = MetricsWindow.EndOfMonth(2026, 10, 12);

    private static Order Order(string id, string date, decimal amount, decimal? margin = null, string? category = null) =>
        new(id, Profile.Id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, margin, category);

    [Fact]
    public void The_window_is_the_twelve_months_ending_on_the_last_day_of_the_graded_month()
    {
        Assert.Equal(new DateOnly(2026, 10, 31), Window.AsOf);
        Assert.Equal(new DateOnly(2025, 11, 1), Window.Start);
        Assert.Equal(new DateOnly(2024, 11, 1), Window.PreviousStart);
    }

    [Fact]
    public void The_purchase_history_counts_purchase_days_over_all_history_up_to_the_as_of_date()
    {
        var metrics = MetricsCalculator.Calculate(Profile,
        [
            Order("first", "2023-05-01", 40),        // before the window: still history
            Order("a", "2025-12-01", 100),
            Order("b", "2025-12-01", 50),            // same day: one purchase of 150
            Order("return", "2026-03-01", -80),      // a return is not a purchase
            Order("last", "2026-10-01", 30),
            Order("later", "2026-11-05", 999),       // after the as-of date
        ], Window);

        var history = metrics.History!.Value;
        Assert.Equal(2, history.RepeatPurchases);
        Assert.Equal(new DateOnly(2026, 10, 1).DayNumber - new DateOnly(2023, 5, 1).DayNumber, history.LastPurchaseDay);
        Assert.Equal(new DateOnly(2026, 10, 31).DayNumber - new DateOnly(2023, 5, 1).DayNumber, history.AgeDays);
        Assert.Equal(90m, history.MeanRepeatValue); // (150 + 30) / 2: the first purchase is not a repeat
        Assert.Null(MetricsCalculator.Calculate(Profile, [Order("r", "2026-01-01", -10)], Window).History);
    }

    [Fact]
    public void Returns_subtract_from_revenue_but_are_not_orders_or_products()
    {
        var metrics = MetricsCalculator.Calculate(Profile,
        [
            Order("A", "2026-01-10", 500, 100, "Tea"),
            Order("B", "2026-02-10", 300, 60, "Cups"),
            Order("R1", "2026-03-01", -200, -40, "Porcelain"),
        ], Window);

        Assert.Equal(600m, metrics.NetRevenue);
        Assert.Equal(120m, metrics.Margin);
        Assert.Equal(2, metrics.OrderCount);
        Assert.Equal(2, metrics.ProductBreadth);
        Assert.Equal(new DateOnly(2026, 2, 10), metrics.LastOrderDate);
    }

    [Fact]
    public void An_order_id_seen_twice_counts_once_the_last_version_winning()
    {
        var metrics = MetricsCalculator.Calculate(Profile, [Order("A", "2026-01-10", 500), Order("A", "2026-01-10", 450)], Window);

        Assert.Equal(450m, metrics.NetRevenue);
        Assert.Equal(1, metrics.OrderCount);
    }

    [Fact]
    public void Orders_split_between_the_window_the_previous_window_and_neither()
    {
        var metrics = MetricsCalculator.Calculate(Profile,
        [
            Order("in-first-day", "2025-11-01", 10),
            Order("in-last-day", "2026-10-31", 20),
            Order("previous", "2025-10-31", 40),
            Order("previous-first-day", "2024-11-01", 80),
            Order("too-old", "2024-10-31", 160),
            Order("future", "2026-11-01", 320),
        ], Window);

        Assert.Equal(30m, metrics.NetRevenue);
        Assert.Equal(120m, metrics.PreviousNetRevenue);
        Assert.Equal(new DateOnly(2024, 10, 31), metrics.FirstOrderDate);
        Assert.Equal(new DateOnly(2026, 10, 31), metrics.LastOrderDate);
        Assert.Null(metrics.Margin);
    }

    [Fact]
    public void Only_returns_make_a_customer_who_bought_once_but_has_no_last_purchase()
    {
        var metrics = MetricsCalculator.Calculate(Profile, [Order("R", "2026-05-01", -50)], Window);

        Assert.Equal(new DateOnly(2026, 5, 1), metrics.FirstOrderDate);
        Assert.Null(metrics.LastOrderDate);
        Assert.Equal(-50m, metrics.NetRevenue);
        Assert.Equal(0, metrics.OrderCount);
    }

    [Theory]
    [InlineData("", "customer id is empty")]
    [InlineData("   ", "customer id is empty")]
    [InlineData("C\u00001", "customer id contains control characters")]
    public void Customer_ids_are_checked(string text, string error)
    {
        Assert.False(CustomerId.TryCreate(text, out _, out var message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void Customer_ids_are_trimmed_and_bounded()
    {
        Assert.Equal("C-001", CustomerId.Create("  C-001 ").Value);
        Assert.False(CustomerId.TryCreate(new string('x', CustomerId.MaxLength + 1), out _, out _));
    }
}
