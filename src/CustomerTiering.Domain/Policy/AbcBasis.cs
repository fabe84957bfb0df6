namespace CustomerTiering.Domain.Policy;

/// <summary>What the ABC cut-offs are shares of.</summary>
public enum AbcBasis
{
    /// <summary>Cumulative share of net revenue, customers sorted by revenue (Pareto).</summary>
    Revenue,

    /// <summary>Share of customers by revenue rank (A = top 5% as key-account practice has it).</summary>
    Customers,
}
