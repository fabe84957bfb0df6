using CustomerTiering.Domain.Forecasting;

namespace CustomerTiering.Functions.Portal;

/// <summary>A customer's forecast over the policy's horizon: P(alive), expected purchases and revenue, churn risk.</summary>
public sealed record ForecastView(double AliveProbability, double ExpectedPurchases, decimal ExpectedRevenue, ChurnRisk ChurnRisk);
