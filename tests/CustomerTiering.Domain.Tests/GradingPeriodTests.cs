using CustomerTiering.Domain.Periods;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class GradingPeriodTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10, "2026-10-31")]
    [InlineData("2024-02", 2024, 2, "2024-02-29")]
    [InlineData("2000-01", 2000, 1, "2000-01-31")]
    public void A_period_parses_and_ends_on_the_last_day_of_its_month(string text, int year, int month, string lastDay)
    {
        var period = GradingPeriod.Parse(text);

        Assert.Equal((year, month), (period.Year, period.Month));
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), period.LastDay);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData("1999-12")]
    [InlineData("2026/10")]
    [InlineData("+026-10")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? text) => Assert.False(GradingPeriod.TryParse(text, out _));

    [Fact]
    public void The_month_that_just_ended_crosses_the_year()
    {
        Assert.Equal("2025-12", GradingPeriod.JustEnded(new DateOnly(2026, 1, 1)).ToString());
        Assert.Equal("2026-10", GradingPeriod.JustEnded(new DateOnly(2026, 11, 30)).ToString());
        Assert.True(GradingPeriod.Parse("2025-12") < GradingPeriod.Parse("2026-01"));
    }
}
