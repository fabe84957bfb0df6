namespace CustomerTiering.Domain.Forecasting;

/// <summary>A customer's churn risk, banded from P(alive) by the policy's thresholds.</summary>
public enum ChurnRisk
{
    Low = 1,
    Medium = 2,
    High = 3,
}
