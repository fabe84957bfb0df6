namespace CustomerTiering.Domain.Policy;

/// <summary>Lifecycle stage thresholds: days for new and churned, growth rates for growing and declining.</summary>
public sealed record LifecyclePolicy
{
    public int NewWithinDays { get; init; } = 90;

    public int ChurnAfterDays { get; init; } = 365;

    /// <summary>Growth of net revenue over the previous window above which a customer is growing (0.10 = +10%).</summary>
    public double GrowingAbove { get; init; } = 0.10;

    public double DecliningBelow { get; init; } = -0.10;
}
