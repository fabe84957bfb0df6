namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// A run's forecast: the fitted models (parameters, log-likelihood, customers, iterations) or why there are none, the
/// horizon, the customers forecast, their expected revenue in total and the customers per churn-risk band.
/// </summary>
public sealed record ForecastSummary(
    int HorizonMonths,
    ModelFit<BgNbdModel>? Purchases,
    ModelFit<GammaGammaModel>? Spend,
    int Customers,
    decimal ExpectedRevenue,
    IReadOnlyDictionary<ChurnRisk, int> RiskBands,
    string? NotFitted = null);
