namespace CustomerTiering.Domain.Policy;

/// <summary>
/// The churn-risk and spend forecast: how far ahead (months), the P(alive) below which a customer's churn risk is high
/// or medium, and how many customers with a purchase the models need before they are fitted at all.
/// </summary>
public sealed record ForecastPolicy
{
    public int HorizonMonths { get; init; } = 12;

    public double HighRiskBelow { get; init; } = 0.3;

    public double MediumRiskBelow { get; init; } = 0.7;

    public int MinCustomers { get; init; } = 50;
}
