namespace CustomerTiering.Domain.Policy;

/// <summary>
/// Against tier flapping: a demotion takes effect only after <see cref="PeriodsBelow"/> consecutive periods below the tier,
/// or at once when the value score falls more than <see cref="Margin"/> points below the tier's cut. Promotions are immediate.
/// </summary>
public sealed record HysteresisPolicy
{
    public int PeriodsBelow { get; init; } = 2;

    public double Margin { get; init; } = 10;
}
