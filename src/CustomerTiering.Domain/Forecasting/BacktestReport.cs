namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// How well the forecast would have done: fitted on the history up to <see cref="Split"/>, predicting the purchases of
/// the months to <see cref="End"/>. Per bucket of calibration repeat purchases, the customers and their mean predicted
/// and actual purchases; the totals and the relative error of predicted purchases; and how much more the top tenth by
/// expected revenue actually spent than the average customer (<see cref="TopDecileLift"/>).
/// </summary>
public sealed record BacktestReport(
    DateOnly Split,
    DateOnly End,
    int HorizonMonths,
    int Customers,
    ModelFit<BgNbdModel>? Purchases,
    ModelFit<GammaGammaModel>? Spend,
    IReadOnlyList<BacktestBucket> Buckets,
    double PredictedPurchases,
    int ActualPurchases,
    double PurchasesError,
    decimal PredictedRevenue,
    decimal ActualRevenue,
    decimal RevenuePerCustomer,
    decimal TopDecileRevenuePerCustomer,
    double TopDecileLift,
    string? Note);
