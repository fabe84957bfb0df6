namespace CustomerTiering.Domain.Policy;

/// <summary>Every threshold of grading, versioned. Same data and same policy version give the same grades.</summary>
public sealed record TieringPolicy
{
    public required string Version { get; init; }

    /// <summary>Months of history graded, ending at the as-of date; the same length before it is the growth baseline.</summary>
    public int LookbackMonths { get; init; } = 12;

    public required RfmPolicy Rfm { get; init; }

    public required AbcPolicy Abc { get; init; }

    public required TierPolicy Tiers { get; init; }

    public required LifecyclePolicy Lifecycle { get; init; }

    public required RisingStarPolicy RisingStars { get; init; }

    public required HysteresisPolicy Hysteresis { get; init; }

    /// <summary>The policy that works out of the box; <c>policy/default-policy.json</c> is the same document.</summary>
    public static TieringPolicy Default { get; } = new()
    {
        Version = "default-1",
        LookbackMonths = 12,
        Rfm = new RfmPolicy
        {
            Bins = 5,
            Segments =
            [
                new("Champions", [4, 5], [4, 5]),
                new("Loyal Customers", [3, 3], [3, 5]),
                new("Potential Loyalists", [4, 5], [2, 3]),
                new("New Customers", [5, 5], [1, 1]),
                new("Promising", [4, 4], [1, 1]),
                new("Need Attention", [3, 3], [2, 2]),
                new("About to Sleep", [3, 3], [1, 1]),
                new("At Risk", [1, 2], [3, 4]),
                new("Can't Lose Them", [1, 2], [5, 5]),
                new("Hibernating", [2, 2], [1, 2]),
                new("Lost", [1, 1], [1, 2]),
            ],
        },
        Abc = new AbcPolicy { Basis = AbcBasis.Revenue, AUpTo = 0.80, BUpTo = 0.95 },
        Tiers = new TierPolicy
        {
            Names = ["VIP", "A", "B", "C", "D"],
            Method = TierMethod.RankShare,
            Shares = [0.01, 0.04, 0.15, 0.30, 0.50],
            Weights = new ValueWeights { Monetary = 0.40, Frequency = 0.20, Recency = 0.15, Margin = 0.10, Breadth = 0.05, Growth = 0.10 },
        },
        Lifecycle = new LifecyclePolicy { NewWithinDays = 90, ChurnAfterDays = 365, GrowingAbove = 0.10, DecliningBelow = -0.10 },
        RisingStars = new RisingStarPolicy { Tiers = ["C", "D"], TopShare = 0.10 },
        Hysteresis = new HysteresisPolicy { PeriodsBelow = 2, Margin = 10 },
    };
}
