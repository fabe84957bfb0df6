namespace CustomerTiering.Domain.Policy;

/// <summary>Promotion candidates: customers of <see cref="Tiers"/> whose growth ranks in the top <see cref="TopShare"/> among them.</summary>
public sealed record RisingStarPolicy
{
    public required IReadOnlyList<string> Tiers { get; init; }

    public double TopShare { get; init; } = 0.10;
}
