using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Rising stars: the customers of the candidate tiers who grew, best growth first, up to the policy's top share of them.</summary>
internal static class RisingStarSelection
{
    /// <summary>Marks each rising star with their growth rank among the candidates (0.04 = top 4%).</summary>
    public static void Mark(IReadOnlyList<CustomerMetrics> customers, TierAssignment[] tiers, Ranking growth, TieringPolicy policy, GradeColumns columns, Workspace workspace)
    {
        var n = customers.Count;
        var result = columns.GrowthTopShare;
        var candidateTier = new bool[policy.Tiers.Names.Count];
        foreach (var tier in policy.RisingStars.Tiers)
        {
            candidateTier[TieringEngine.IndexOf(policy.Tiers.Names, tier)] = true;
        }

        // Marked in one sequential pass, so the walk in growth order below touches no customer record.
        var isCandidate = workspace.Rent<bool>(n);
        var candidates = 0;
        for (var i = 0; i < n; i++)
        {
            isCandidate[i] = candidateTier[tiers[i].Tier] && customers[i].NetRevenue > customers[i].PreviousNetRevenue;
            candidates += isCandidate[i] ? 1 : 0;
        }

        var capacity = (long)Math.Ceiling((policy.RisingStars.TopShare * candidates) - 1e-9);
        var sorted = growth.SortedIndex;
        var goodness = growth.SortedGoodness;
        var ahead = 0;
        var end = n;
        while (end > 0 && ahead < capacity)
        {
            var start = end - 1;
            while (start > 0 && goodness[start - 1] == goodness[end - 1])
            {
                start--;
            }

            var inGroup = 0;
            for (var k = start; k < end; k++)
            {
                if (isCandidate[sorted[k]])
                {
                    result[sorted[k]] = (float)((ahead + 1.0) / candidates);
                    inGroup++;
                }
            }

            ahead += inGroup;
            end = start;
        }
    }
}
