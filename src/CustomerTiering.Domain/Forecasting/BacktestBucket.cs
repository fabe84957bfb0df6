namespace CustomerTiering.Domain.Forecasting;

/// <summary>Customers with a number of repeat purchases before the split ("7+" for seven or more), and their mean predicted and actual purchases after it.</summary>
public sealed record BacktestBucket(string RepeatPurchases, int Customers, double PredictedMean, double ActualMean);
