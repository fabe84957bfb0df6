namespace CustomerTiering.Domain.Customers;

/// <summary>One order (or return, with a negative amount) as grading sees it: lines already folded.</summary>
public sealed record Order(string OrderId, CustomerId CustomerId, DateOnly Date, decimal NetAmount, decimal? Margin, string? Category);
