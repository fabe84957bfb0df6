using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using FsCheck.Xunit;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class GroupedGradingTests
{
    private static readonly string?[] Regions = ["North", "South", "East", null, "  "];

    private static readonly TieringPolicy ByRegion = TieringPolicy.Default with { GroupBy = GradingGroup.Region };

    [Property(MaxTest = 100)]
    public bool Grouping_by_region_grades_each_region_like_a_run_over_its_customers_alone(int seed, byte size)
    {
        var customers = InRegions(seed, size + 1);
        var previous = RandomCustomers.PreviousGrades(seed, customers, ByRegion.Tiers.Names);

        var grouped = Grading.Grade(customers, ByRegion, previous);

        var byId = grouped.Grades.ToDictionary(g => g.Id);
        var groups = grouped.Summary.Groups!.ToDictionary(g => g.Group, g => g.Summary);
        var alone = customers.GroupBy(c => string.IsNullOrWhiteSpace(c.Profile.Region) ? GroupSummary.NoGroup : c.Profile.Region)
            .Select(region => (region.Key, Result: Grading.Grade([.. region], TieringPolicy.Default, previous)))
            .ToList();
        return grouped.Summary.GroupBy == GradingGroup.Region
            && groups.Count == alone.Count
            && alone.All(run => run.Result.Grades.All(g => SameGrade(g, byId[g.Id], run.Key)) && SameSummary(run.Result.Summary, groups[run.Key]));
    }

    [Property(MaxTest = 50)]
    public bool Grouped_grades_and_summaries_do_not_depend_on_input_order(int seed, byte size, int shuffleSeed)
    {
        var customers = InRegions(seed, size);
        var inOrder = Grading.Grade(customers, ByRegion);
        var shuffled = Grading.Grade(RandomCustomers.Shuffled(customers, shuffleSeed), ByRegion);

        var byId = shuffled.Grades.ToDictionary(g => g.Id);
        return inOrder.Grades.All(g => byId[g.Id] == g)
            && SameSummary(inOrder.Summary, shuffled.Summary)
            && inOrder.Summary.Groups!.Zip(shuffled.Summary.Groups!).All(p => p.First.Group == p.Second.Group && SameSummary(p.First.Summary, p.Second.Summary));
    }

    [Fact]
    public void The_whole_books_summary_adds_the_groups_up()
    {
        var customers = InRegions(7, 300);

        var summary = Grading.Grade(customers, ByRegion).Summary;

        Assert.Equal(["(none)", "East", "North", "South"], summary.Groups!.Select(g => g.Group));
        Assert.Equal(300, summary.Customers);
        for (var t = 0; t < summary.Tiers.Count; t++)
        {
            Assert.Equal(summary.Tiers[t].Customers, summary.Groups!.Sum(g => g.Summary.Tiers[t].Customers));
            Assert.Equal(summary.Tiers[t].Revenue, summary.Groups!.Sum(g => g.Summary.Tiers[t].Revenue));
        }
    }

    [Fact]
    public void A_small_regions_best_customer_is_its_VIP_though_a_big_region_has_many_better_ones()
    {
        // Alone, the South's 20 customers would all rank below the North's 100; within regions each has its own VIP.
        var north = Enumerable.Range(0, 100).Select(i => InRegion(Customer.Called($"N{i}").Revenue(10_000 + (i * 100)).Orders(10).LastOrderDaysAgo(5), "North"));
        var south = Enumerable.Range(0, 20).Select(i => InRegion(Customer.Called($"S{i}").Revenue(100 + i).Orders(1).LastOrderDaysAgo(200), "South"));
        var customers = north.Concat(south).ToArray();

        var global = Grading.Grade(customers);
        var grouped = Grading.Grade(customers, ByRegion);

        Assert.NotEqual("VIP", global.Of("S19").Tier);
        Assert.Equal("VIP", grouped.Of("S19").Tier);
        Assert.Equal("VIP", grouped.Of("N99").Tier);
        var reason = GradeExplainer.Explain(grouped.Of("S19"), ByRegion).Single(r => r.Code == ReasonCode.GradedWithinGroup);
        Assert.Equal("Graded within region South: ranks, tier cuts and shares count only that region's customers.", ReasonRenderer.Render(reason, ReasonLanguage.English, DisplayNames.Default));
        Assert.Contains("区域", ReasonRenderer.Render(reason, ReasonLanguage.SimplifiedChinese, DisplayNames.Default), StringComparison.Ordinal);
        Assert.DoesNotContain(GradeExplainer.Explain(global.Of("S19"), TieringPolicy.Default), r => r.Code == ReasonCode.GradedWithinGroup);
    }

    [Theory]
    [InlineData(GradingGroup.Channel)]
    [InlineData(GradingGroup.Owner)]
    [InlineData(GradingGroup.Type)]
    public void Every_grouping_names_its_groups_from_the_customers_master_data(GradingGroup by)
    {
        var customers = RandomCustomers.Make(3, 60).Select((c, i) => c with
        {
            Profile = c.Profile with { Channel = $"channel-{i % 2}", Owner = i % 3 == 0 ? null : $"owner-{i % 3}", Type = (CustomerType)(i % 3) },
        }).ToArray();

        var summary = Grading.Grade(customers, TieringPolicy.Default with { GroupBy = by }).Summary;

        var expected = by switch
        {
            GradingGroup.Channel => ["channel-0", "channel-1"],
            GradingGroup.Owner => ["(none)", "owner-1", "owner-2"],
            _ => Enum.GetValues<CustomerType>().Take(3).Select(t => t.ToString()).Order(StringComparer.Ordinal).ToArray(),
        };
        Assert.Equal(expected, summary.Groups!.Select(g => g.Group));
        Assert.Equal(60, summary.Groups!.Sum(g => g.Summary.Customers));
    }

    private static CustomerMetrics[] InRegions(int seed, int count)
    {
        var random = new Random(seed ^ 0x7e610);
        return [.. RandomCustomers.Make(seed, count).Select(c => InRegion(c, Regions[random.Next(Regions.Length)]))];
    }

    private static CustomerMetrics InRegion(CustomerMetrics customer, string? region) => customer with { Profile = customer.Profile with { Region = region } };

    /// <summary>The same grade, but for the group the grouped one names.</summary>
    private static bool SameGrade(CustomerGrade alone, CustomerGrade grouped, string group) =>
        grouped.Evidence.Group == group && alone == grouped with { Evidence = grouped.Evidence with { Group = null } };

    private static bool SameSummary(GradingSummary a, GradingSummary b) =>
        a.Customers == b.Customers && a.TotalRevenue == b.TotalRevenue && a.RisingStars == b.RisingStars
        && a.Tiers.SequenceEqual(b.Tiers) && a.Segments.SequenceEqual(b.Segments) && a.AbcClasses.SequenceEqual(b.AbcClasses)
        && a.Lifecycle.SequenceEqual(b.Lifecycle) && a.TierCuts.SequenceEqual(b.TierCuts)
        && a.Kpis!.Tiers.SequenceEqual(b.Kpis!.Tiers) && a.Kpis.Concentration.Pareto.SequenceEqual(b.Kpis.Concentration.Pareto)
        && a.Warnings!.SequenceEqual(b.Warnings!)
        && a.Movements.Count == b.Movements.Count && a.Movements.All(m => m.Value.SequenceEqual(b.Movements[m.Key]));
}
