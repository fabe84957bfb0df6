using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>The run's KPIs against an independent computation from the same metrics and grades, written plainly here.</summary>
public sealed class KpiTests
{
    private static readonly CustomerMetrics[] Customers = [.. RandomCustomers.Make(seed: 5, count: 2_000)
        .Select((c, i) => i % 3 == 0 ? c with { Previous = new PreviousGrade(c.Id, TieringPolicy.Default.Tiers.Names[i % 5], 0) } : c)];

    private static readonly GradingResult Result = TieringEngine.Grade(Customers, Customer.AsOf, TieringPolicy.Default);

    [Fact]
    public void The_rfm_grid_counts_each_customer_once_in_its_r_and_fm_cell_with_its_revenue()
    {
        var expected = Customers.Zip(Result.Grades)
            .GroupBy(p => (p.Second.RecencyScore, FrequencyMonetary: (p.Second.FrequencyScore + p.Second.MonetaryScore + 1) / 2))
            .OrderBy(g => g.Key.RecencyScore).ThenBy(g => g.Key.FrequencyMonetary)
            .Select(g => new RfmCell(g.Key.RecencyScore, g.Key.FrequencyMonetary, g.Count(), g.Sum(p => p.First.NetRevenue)));

        Assert.Equal(expected, Result.Summary.RfmGrid!);
    }

    [Fact]
    public void Each_tiers_figures_equal_a_plain_computation()
    {
        var kpis = Result.Summary.Kpis!;
        var byTier = Customers.Zip(Result.Grades).GroupBy(p => p.Second.Tier).ToDictionary(g => g.Key, g => g.Select(p => p.First).ToList());
        var total = Customers.Sum(c => c.NetRevenue);

        foreach (var tier in kpis.Tiers.Where(t => t.Customers > 0))
        {
            var members = byTier[tier.Group];
            var revenue = members.Sum(c => c.NetRevenue);
            var sorted = members.Select(c => c.NetRevenue).Order().ToList();
            var days = members.Where(c => c.LastOrderDate is not null).Select(c => Customer.AsOf.DayNumber - c.LastOrderDate!.Value.DayNumber).Order().ToList();
            var orders = members.Sum(c => c.OrderCount);

            Assert.Equal(members.Count, tier.Customers);
            Assert.Equal(revenue, tier.Revenue);
            Assert.Equal(Math.Round((double)(revenue / total), 6), tier.RevenueShare);
            Assert.Equal(Math.Round(revenue / members.Count, 2), tier.MeanRevenue);
            Assert.Equal((sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2, tier.MedianRevenue);
            Assert.Equal(Math.Round((double)orders / members.Count, 4), tier.OrdersPerCustomer);
            Assert.Equal(orders > 0 ? Math.Round(revenue / orders, 2) : null, tier.AverageOrderValue);
            Assert.Equal(days.Count > 0 ? days[(days.Count - 1) / 2] : null, tier.MedianRecencyDays);
        }
    }

    [Fact]
    public void Retention_and_churn_are_of_last_periods_members_of_each_tier()
    {
        var periodStart = new DateOnly(Customer.AsOf.Year, Customer.AsOf.Month, 1);
        var pairs = Customers.Zip(Result.Grades).Where(p => p.First.Previous is not null).ToList();

        foreach (var tier in Result.Summary.Kpis!.Tiers)
        {
            var before = pairs.Where(p => p.First.Previous!.Tier == tier.Group).ToList();
            Assert.Equal(Math.Round((double)before.Count(p => p.First.LastOrderDate >= periodStart) / before.Count, 6), tier.Retention);
            Assert.Equal(Math.Round((double)before.Count(p => p.Second.Lifecycle == LifecycleStage.Churned) / before.Count, 6), tier.Churn);
        }
    }

    [Fact]
    public void The_pareto_curve_and_the_top_shares_follow_the_customers_ranked_by_revenue()
    {
        var concentration = Result.Summary.Kpis!.Concentration;
        var best = Customers.Select(c => Math.Max((double)c.NetRevenue, 0)).OrderDescending().ToList();
        var positive = best.Sum();
        double Share(int percent) => Math.Round(best.Take((int)Math.Ceiling(best.Count * percent / 100.0)).Sum() / positive, 6);

        Assert.Equal(101, concentration.Pareto.Count);
        Assert.Equal((0.0, 0.0), (concentration.Pareto[0].CustomerShare, concentration.Pareto[0].RevenueShare));
        Assert.Equal(1.0, concentration.Pareto[100].RevenueShare, 5);
        Assert.All(Enumerable.Range(1, 100), k => Assert.Equal(Share(k), concentration.Pareto[k].RevenueShare, 5));
        Assert.Equal((Share(1), Share(5), Share(20)), (concentration.Top1Percent, concentration.Top5Percent, concentration.Top20Percent));
        Assert.True(concentration.Top1Percent < concentration.Top5Percent && concentration.Top5Percent < concentration.Top20Percent);
    }
}
