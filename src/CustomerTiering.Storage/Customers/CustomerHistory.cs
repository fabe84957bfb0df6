using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>A customer's master data and every order and invoice on record: what grading folds into metrics.</summary>
public sealed record CustomerHistory(CustomerProfile Profile, IReadOnlyList<Order> Orders, IReadOnlyList<Invoice> Invoices);
