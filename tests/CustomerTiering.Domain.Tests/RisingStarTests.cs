using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class RisingStarTests
{
    [Fact]
    public void The_fastest_growing_tenth_of_C_and_D_customers_are_promotion_candidates()
    {
        // 100 customers, revenue 1..100; growth is largest for the smallest customers.
        var customers = Enumerable.Range(1, 100)
            .Select(i => Customer.Called($"C{i:000}").Revenue(i, previous: i - ((101 - i) / 10m)).Build())
            .ToArray();

        var result = Grading.Grade(customers);

        var stars = result.Grades.Where(g => g.RisingStar).ToList();
        Assert.All(stars, s => Assert.Contains(s.Tier, new[] { "C", "D" }));
        Assert.Equal(result.Summary.RisingStars, stars.Count);
        var candidates = result.Grades.Count(g => g.Tier is "C" or "D");
        Assert.Equal((int)Math.Ceiling(candidates * 0.10), stars.Count);
        Assert.True(stars.Select(s => int.Parse(s.Id.Value[1..], System.Globalization.CultureInfo.InvariantCulture)).Max() <= stars.Count);
        Assert.True(result.Of("C001").Evidence.GrowthTopShare <= 0.10);
    }

    [Fact]
    public void Customers_who_did_not_grow_are_never_candidates()
    {
        var result = Grading.Grade(Customer.Ladder(50));

        Assert.DoesNotContain(result.Grades, g => g.RisingStar);
    }

    [Fact]
    public void Top_tiers_are_never_candidates_however_fast_they_grow()
    {
        var customers = Customer.Ladder(100).ToList();
        customers[99] = Customer.Called("C100").Revenue(1000, previous: 1);

        var result = Grading.Grade(customers);

        Assert.False(result.Of("C100").RisingStar);
        Assert.Equal("VIP", result.Of("C100").Tier);
    }
}
