using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>An administrator's override: it beats the computed tier, hysteresis included, until it expires, and says so first.</summary>
public sealed class OverrideTests
{
    // 100 customers on a revenue ladder: C100 earns VIP, C099–C096 earn A, C050 earns D.
    private static GradingResult GradeWith(string id, TierOverride pinned, params PreviousGrade[] previous)
    {
        var customers = Customer.Ladder(100).Select(c => c.Id.Value == id ? c with { Override = pinned } : c).ToList();
        return Grading.Grade(customers, null, previous);
    }

    [Fact]
    public void An_override_beats_the_computed_tier_and_hysteresis_and_is_the_first_reason()
    {
        var pinned = new TierOverride("VIP", "Strategic account: signing a three-year contract", Customer.AsOf.AddDays(30));

        var result = GradeWith("C050", pinned, Grading.Held("C050", "B"));
        var grade = result.Of("C050");
        var reasons = GradeExplainer.Explain(grade, TieringPolicy.Default);

        Assert.Equal(("VIP", "D"), (grade.Tier, TieringPolicy.Default.Tiers.Names[grade.Evidence.ComputedTierIndex]));
        Assert.True(grade.Evidence.Overridden);
        Assert.Equal(TierMovement.Up, grade.Movement);
        Assert.Equal(ReasonCode.Overridden, reasons[0].Code);
        Assert.DoesNotContain(reasons, r => r.Code is ReasonCode.TierByRank or ReasonCode.NextTier or ReasonCode.DemotedAfterPeriods);
        Assert.Contains("Strategic account", ReasonRenderer.Render(reasons[0], ReasonLanguage.English, DisplayNames.Default), StringComparison.Ordinal);
        Assert.Contains("管理员指定", ReasonRenderer.Render(reasons[0], ReasonLanguage.SimplifiedChinese, DisplayNames.Default), StringComparison.Ordinal);
        Assert.Equal(2, result.Summary.Tiers.Single(t => t.Group == "VIP").Customers);
    }

    [Fact]
    public void An_override_that_expired_before_the_as_of_date_no_longer_applies_and_says_so()
    {
        var pinned = new TierOverride("VIP", "Trade fair promise", Customer.AsOf.AddDays(-1));

        var grade = GradeWith("C050", pinned).Of("C050");
        var reasons = GradeExplainer.Explain(grade, TieringPolicy.Default);

        Assert.Equal("D", grade.Tier);
        Assert.True(grade.Evidence.OverrideExpired);
        Assert.Equal(ReasonCode.OverrideExpired, reasons[0].Code);
        Assert.Contains(reasons, r => r.Code == ReasonCode.TierByRank);
    }
}
