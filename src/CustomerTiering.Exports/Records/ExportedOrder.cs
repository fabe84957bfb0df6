using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Exports.Records;

/// <summary>An order as read from an export, with its currency (grading assumes one currency per tenant).</summary>
public sealed record ExportedOrder(Order Order, string? Currency);
