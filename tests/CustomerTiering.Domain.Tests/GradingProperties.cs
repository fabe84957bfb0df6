using CustomerTiering.Domain.Policy;
using FsCheck.Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class GradingProperties
{
    private static readonly TieringPolicy Policy = TieringPolicy.Default;

    [Property(MaxTest = 200)]
    public bool Input_order_never_changes_any_result(int seed, byte size, int shuffleSeed)
    {
        var customers = RandomCustomers.Make(seed, size);
        var previous = RandomCustomers.PreviousGrades(seed, customers, Policy.Tiers.Names);

        var inOrder = Grading.Grade(customers, Policy, previous);
        var shuffled = Grading.Grade(RandomCustomers.Shuffled(customers, shuffleSeed), Policy, RandomCustomers.Shuffled(previous, shuffleSeed));

        var byId = shuffled.Grades.ToDictionary(g => g.Id);
        return inOrder.Grades.All(g => byId[g.Id] == g)
            && inOrder.Summary.Tiers.SequenceEqual(shuffled.Summary.Tiers)
            && inOrder.Summary.Segments.SequenceEqual(shuffled.Summary.Segments)
            && inOrder.Summary.TierCuts.SequenceEqual(shuffled.Summary.TierCuts)
            && inOrder.Summary.Movements.Count == shuffled.Summary.Movements.Count
            && inOrder.Summary.Movements.All(m => m.Value.SequenceEqual(shuffled.Summary.Movements[m.Key]));
    }

    [Property(MaxTest = 200)]
    public bool Raising_one_customers_revenue_never_lowers_their_M_score_value_score_or_tier(int seed, byte size, ushort pick, ushort raise)
    {
        var customers = RandomCustomers.Make(seed, size + 1);
        var previous = RandomCustomers.PreviousGrades(seed, customers, Policy.Tiers.Names);
        var index = pick % customers.Length;
        var raised = customers.ToArray();
        raised[index] = customers[index] with { NetRevenue = customers[index].NetRevenue + 1 + raise };

        var before = Grading.Grade(customers, Policy, previous).Grades[index];
        var after = Grading.Grade(raised, Policy, previous).Grades[index];

        return after.MonetaryScore >= before.MonetaryScore
            && after.ValueScore >= before.ValueScore
            && after.TierIndex <= before.TierIndex;
    }

    [Property(MaxTest = 200)]
    public bool Tier_shares_match_the_policy_within_the_limits_ties_allow(int seed, byte size)
    {
        // Every customer with revenue, so that only ties can bend the shares.
        var customers = RandomCustomers.Make(seed, size + 1).Select(c => c with { NetRevenue = Math.Abs(c.NetRevenue) + 1 }).ToArray();
        var n = customers.Length;
        var result = Grading.Grade(customers, Policy);
        var largestTie = result.Grades.GroupBy(g => g.ValueScore).Max(g => g.Count());

        var cumulativeShare = 0.0;
        var cumulativeCount = 0;
        for (var t = 0; t < Policy.Tiers.Names.Count - 1; t++)
        {
            cumulativeShare += Policy.Tiers.Shares![t];
            cumulativeCount += result.Summary.Tiers[t].Customers;
            var capacity = (int)Math.Min(n, Math.Ceiling((cumulativeShare * n) - 1e-9));
            if (cumulativeCount < capacity || cumulativeCount > capacity + largestTie - 1)
            {
                return false;
            }
        }

        return result.Summary.Tiers.Sum(t => t.Customers) == n;
    }

    [Property(MaxTest = 100)]
    public bool Every_grade_has_scores_in_range_and_a_named_segment(int seed, byte size)
    {
        var result = Grading.Grade(RandomCustomers.Make(seed, size), Policy);

        return result.Grades.All(g =>
            g.RecencyScore is >= 1 and <= 5 && g.FrequencyScore is >= 1 and <= 5 && g.MonetaryScore is >= 1 and <= 5
            && !string.IsNullOrEmpty(g.Segment) && g.ValueScore is >= 0 and <= 100 && Policy.Tiers.Names.Contains(g.Tier));
    }
}
