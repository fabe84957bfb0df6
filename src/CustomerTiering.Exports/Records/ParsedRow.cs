using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Exports.Records;

/// <summary>One outcome of reading an export: a customer, an order, or a rejected row.</summary>
public readonly record struct ParsedRow(CustomerProfile? Customer, ExportedOrder? Order, RowError? Error)
{
    public static ParsedRow Of(CustomerProfile customer) => new(customer, null, null);

    public static ParsedRow Of(ExportedOrder order) => new(null, order, null);

    public static ParsedRow Of(RowError error) => new(null, null, error);
}
