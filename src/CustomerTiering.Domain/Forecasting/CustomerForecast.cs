namespace CustomerTiering.Domain.Forecasting;

/// <summary>What the models expect of one customer over the policy's horizon: P(alive), purchases and revenue, the risk band.</summary>
public readonly record struct CustomerForecast(double ProbabilityAlive, double ExpectedPurchases, decimal ExpectedRevenue, ChurnRisk Risk);
