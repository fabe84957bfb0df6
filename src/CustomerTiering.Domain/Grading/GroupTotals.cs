namespace CustomerTiering.Domain.Grading;

/// <summary>Customers and net revenue of one group (a tier, a segment, a stage), and its share of all revenue.</summary>
public sealed record GroupTotals(string Group, int Customers, decimal Revenue, double RevenueShare);
