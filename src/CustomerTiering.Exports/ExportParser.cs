using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Parsing;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports;

/// <summary>
/// Turns rows into customers, orders and invoices, checking every field. Each data row gives one outcome: accepted, rejected with
/// every problem it has, or (orders and order lines without a customer id) a sale without a customer, which is counted
/// and left out. Order lines are folded into one order per invoice, emitted after the last row. Each kind's rules are in
/// <c>Parsing/</c>: <see cref="RowFields"/> reads and checks one field, the <c>*Rows</c> classes one kind of file.
/// </summary>
public sealed class ExportParser(ColumnMap map, MappingProfile profile, ExportLimits limits, ColumnConventions conventions)
{
    private readonly RowFields _fields = new(map, profile, conventions);

    public ExportParser(ColumnMap map, MappingProfile profile, ExportLimits limits)
        : this(map, profile, limits, ColumnConventions.None)
    {
    }

    public ExportKind Kind => map.Kind;

    public IEnumerable<ParsedRow> Parse(IRowReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return map.Kind switch
        {
            ExportKind.Customers => CustomerRows.Parse(reader, _fields),
            ExportKind.Orders => OrderRows.Parse(reader, _fields),
            ExportKind.Invoices => InvoiceRows.Parse(reader, _fields),
            _ => OrderLineRows.Parse(reader, _fields, limits),
        };
    }
}
