using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>A customer's master data and every order on record: what grading folds into metrics.</summary>
public sealed record CustomerHistory(CustomerProfile Profile, IReadOnlyList<Order> Orders);
