using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Exports.Records;

/// <summary>What became of a row: kept, rejected, or a sale without a customer; or an order an order-line file's lines made.</summary>
public enum RowOutcome
{
    /// <summary>A good row: a customer, an order, an invoice, or an order line kept for its invoice's order.</summary>
    Accepted,

    /// <summary>A row with problems (all of them in <see cref="ParsedRow.Errors"/>): counted once, written nowhere.</summary>
    Rejected,

    /// <summary>An order or order line without a customer id (a guest sale): counted with its amount, written nowhere.</summary>
    WithoutCustomer,

    /// <summary>Not a row of the file: the order an invoice's lines made, emitted after the last line.</summary>
    OrderFromLines,
}

/// <summary>
/// One outcome of reading an export. Every data row of the file gives exactly one outcome that counts as a row; an
/// order-line file adds, after its last row, the orders its lines made.
/// </summary>
public readonly record struct ParsedRow(
    RowOutcome Outcome, CustomerProfile? Customer, ExportedOrder? Order, IReadOnlyList<RowError> Errors, decimal GuestAmount, Invoice? Invoice = null)
{
    public bool IsFileRow => Outcome != RowOutcome.OrderFromLines;

    public static ParsedRow Of(CustomerProfile customer) => new(RowOutcome.Accepted, customer, null, [], 0m);

    public static ParsedRow Of(ExportedOrder order) => new(RowOutcome.Accepted, null, order, [], 0m);

    public static ParsedRow Of(Invoice invoice) => new(RowOutcome.Accepted, null, null, [], 0m, invoice);

    public static ParsedRow Line() => new(RowOutcome.Accepted, null, null, [], 0m);

    public static ParsedRow FromLines(ExportedOrder order) => new(RowOutcome.OrderFromLines, null, order, [], 0m);

    public static ParsedRow Rejected(IReadOnlyList<RowError> errors) => new(RowOutcome.Rejected, null, null, errors, 0m);

    public static ParsedRow Rejected(RowError error) => Rejected([error]);

    public static ParsedRow WithoutCustomer(decimal amount) => new(RowOutcome.WithoutCustomer, null, null, [], amount);
}
