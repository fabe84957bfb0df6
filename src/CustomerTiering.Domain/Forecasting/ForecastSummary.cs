namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// A run's forecast: the fitted models (parameters, log-likelihood, customers, iterations), the horizon, the customers
/// forecast, their expected revenue in total and the customers per churn-risk band; a note when the models were not
/// fitted, or when spend per purchase falls back to the customers' own means.
/// </summary>
public sealed record ForecastSummary(
    int HorizonMonths,
    ModelFit<BgNbdModel>? Purchases,
    ModelFit<GammaGammaModel>? Spend,
    int Customers,
    decimal ExpectedRevenue,
    IReadOnlyDictionary<ChurnRisk, int> RiskBands,
    string? Note = null);
