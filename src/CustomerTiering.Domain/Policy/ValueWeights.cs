namespace CustomerTiering.Domain.Policy;

/// <summary>Weights of the normalised metrics in the value score; they sum to 1.</summary>
public sealed record ValueWeights
{
    public double Monetary { get; init; }

    public double Frequency { get; init; }

    public double Recency { get; init; }

    public double Margin { get; init; }

    public double Breadth { get; init; }

    public double Growth { get; init; }

    public double Sum() => Monetary + Frequency + Recency + Margin + Breadth + Growth;
}
