using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Grading;

/// <summary>Checks a run's tier KPIs against the policy's separation thresholds: do neighbouring tiers really differ.</summary>
public static class SeparationChecks
{
    public static IReadOnlyList<SeparationWarning> Check(IReadOnlyList<GroupKpis> tiers, TieringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(policy);
        var rules = policy.Separation;
        var warnings = new List<SeparationWarning>();
        foreach (var tier in tiers.Where(t => t.Customers == 0))
        {
            warnings.Add(new SeparationWarning(SeparationCode.EmptyTier, tier.Group));
        }

        for (var t = 0; t + 1 < tiers.Count; t++)
        {
            var (higher, lower) = (tiers[t], tiers[t + 1]);
            if (higher.Customers == 0 || lower.Customers == 0)
            {
                continue;
            }

            if (Ratio(higher.MeanRevenue, lower.MeanRevenue) is { } mean && mean < rules.MinMeanRatio)
            {
                warnings.Add(new SeparationWarning(SeparationCode.MeanNotSeparated, higher.Group, lower.Group, Math.Round(mean, 2), rules.MinMeanRatio));
            }

            if (Ratio(higher.MedianRevenue, lower.MedianRevenue) is { } median && median < rules.MinMedianRatio)
            {
                warnings.Add(new SeparationWarning(SeparationCode.MedianNotSeparated, higher.Group, lower.Group, Math.Round(median, 2), rules.MinMedianRatio));
            }
        }

        var top = tiers.Take(rules.TopTiers).ToList();
        var customers = tiers.Sum(t => t.Customers);
        var customerShare = customers == 0 ? 0 : (double)top.Sum(t => t.Customers) / customers;
        var revenueShare = top.Sum(t => t.RevenueShare);
        if (customers > 0 && revenueShare < customerShare * rules.TopRevenueFactor)
        {
            warnings.Add(new SeparationWarning(SeparationCode.TopTiersUnderweight, string.Join("+", top.Select(t => t.Group)),
                Value: Math.Round(revenueShare, 4), Required: Math.Round(customerShare * rules.TopRevenueFactor, 4), Share: Math.Round(customerShare, 4)));
        }

        return warnings;
    }

    /// <summary>Higher over lower; null where the lower one brings nothing (any positive higher figure separates then).</summary>
    private static double? Ratio(decimal higher, decimal lower) => lower > 0 ? (double)(higher / lower) : null;
}
