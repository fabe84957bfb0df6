using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>Separation warnings: tiers that do not differ in what their customers bring are named, with the figures and a suggestion.</summary>
public sealed class SeparationTests
{
    // 200 customers whose revenue grows by a quarter every second customer, and whose order counts have nothing to do with it.
    private static readonly CustomerMetrics[] Customers = [.. Enumerable.Range(0, 200).Select(i =>
        Customer.Called($"C{i:000}").Revenue(Math.Round(10m * (decimal)Math.Pow(1.25, i / 2.0), 2)).Orders(1 + (i * 37 % 200)).Build())];

    private static TieringPolicy Weighted(ValueWeights weights) => TieringPolicy.Default with { Tiers = TieringPolicy.Default.Tiers with { Weights = weights } };

    [Fact]
    public void Tiers_cut_on_revenue_separate_and_raise_no_warning()
    {
        var policy = Weighted(new ValueWeights { Monetary = 1.0 });

        var summary = TieringEngine.Grade(Customers, Customer.AsOf, policy).Summary;

        Assert.Empty(summary.Warnings!);
    }

    [Fact]
    public void Tiers_cut_on_something_revenue_does_not_follow_are_warned_about_with_figures_and_a_suggestion_in_both_languages()
    {
        var policy = Weighted(new ValueWeights { Frequency = 1.0 });

        var summary = TieringEngine.Grade(Customers, Customer.AsOf, policy).Summary;
        var warnings = summary.Warnings!;
        var ab = Assert.Single(warnings, w => w.Code == SeparationCode.MeanNotSeparated && w.Tier == "A");

        Assert.Equal("B", ab.LowerTier);
        Assert.True(ab.Value < 1.5, $"A/B mean ratio {ab.Value}");
        var byTier = summary.Kpis!.Tiers.ToDictionary(t => t.Group);
        Assert.Equal(Math.Round((double)(byTier["A"].MeanRevenue / byTier["B"].MeanRevenue), 2), ab.Value);
        Assert.Contains(warnings, w => w.Code == SeparationCode.TopTiersUnderweight && w.Tier == "VIP+A");
        Assert.Contains("monetary weight", WarningRenderer.Render(ab, ReasonLanguage.English), StringComparison.Ordinal);
        Assert.Contains("金额权重", WarningRenderer.Render(ab, ReasonLanguage.SimplifiedChinese), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_tier_is_a_warning()
    {
        var policy = TieringPolicy.Default with
        {
            // Half revenue, half orders: the best by revenue is not the best by orders, so nobody scores the 100 VIP needs.
            Tiers = TieringPolicy.Default.Tiers with
            {
                Method = TierMethod.Threshold, Shares = null, Thresholds = [100, 90, 60, 30], Weights = new ValueWeights { Monetary = 0.5, Frequency = 0.5 },
            },
        };

        var summary = TieringEngine.Grade(Customers, Customer.AsOf, policy).Summary;

        Assert.Contains(summary.Warnings!, w => w.Code == SeparationCode.EmptyTier && w.Tier == "VIP");
    }
}
