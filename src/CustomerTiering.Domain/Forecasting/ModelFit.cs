namespace CustomerTiering.Domain.Forecasting;

/// <summary>How a model was fitted: the log-likelihood at the estimate (summed over the customers), the customers it was fitted on, and whether the optimizer converged.</summary>
public sealed record ModelFit<TModel>(TModel Model, double LogLikelihood, int Customers, int Iterations, bool Converged);
