namespace CustomerTiering.Domain.Grading;

/// <summary>One cell of the R×FM grid: the customers with recency score R and combined frequency-monetary score FM, and their net revenue.</summary>
public sealed record RfmCell(int Recency, int FrequencyMonetary, int Customers, decimal Revenue);
