namespace CustomerTiering.Domain.Policy;

/// <summary>ABC classes: A up to <see cref="AUpTo"/>, B up to <see cref="BUpTo"/>, C the rest, as shares of <see cref="Basis"/>.</summary>
public sealed record AbcPolicy
{
    public AbcBasis Basis { get; init; } = AbcBasis.Revenue;

    public double AUpTo { get; init; } = 0.80;

    public double BUpTo { get; init; } = 0.95;
}
