namespace CustomerTiering.Domain.Customers;

/// <summary>
/// A receivable: an invoice to a customer with its due date and what has been paid. Paid in full when a paid date is
/// known and the paid amount (where given) covers the amount; otherwise the rest is open.
/// </summary>
public sealed record Invoice(string InvoiceId, CustomerId CustomerId, DateOnly InvoiceDate, DateOnly DueDate, decimal Amount, DateOnly? PaidDate, decimal? PaidAmount)
{
    /// <summary>What is still owed at the as-of date: nothing once paid in full by then.</summary>
    public decimal OpenAt(DateOnly asOf) =>
        PaidDate is { } paid && paid <= asOf ? Math.Max(0m, Amount - (PaidAmount ?? Amount)) : Amount;
}
