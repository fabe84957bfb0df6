using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>What the backtest keeps of a customer: the purchase history before the split, and the purchase days and net revenue after it.</summary>
public readonly record struct BacktestCustomer(PurchaseHistory History, int Purchases, decimal Revenue);
