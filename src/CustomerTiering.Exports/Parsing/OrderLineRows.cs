using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Parsing;

/// <summary>
/// An order-line file: each line is checked on its own, then folded into one order per invoice, emitted after the last
/// row. An invoice's lines must all name one customer; guest lines are counted apart, line by line.
/// </summary>
internal static class OrderLineRows
{
    public static IEnumerable<ParsedRow> Parse(IRowReader reader, RowFields fields, ExportLimits limits)
    {
        var invoices = new Dictionary<string, FoldedInvoice>(StringComparer.Ordinal);
        foreach (var row in RowFields.Each(reader, errors => Line(reader, fields, limits, invoices, errors)))
        {
            yield return row;
        }

        foreach (var (invoice, folded) in invoices)
        {
            yield return ParsedRow.FromLines(new ExportedOrder(new Order(invoice, folded.CustomerId, folded.Date, folded.Amount, null, folded.Category), null));
        }
    }

    /// <summary>One line, checked, and added to its invoice unless it is a guest's (counted on its own).</summary>
    private static ParsedRow? Line(IRowReader reader, RowFields fields, ExportLimits limits, Dictionary<string, FoldedInvoice> invoices, List<RowError> errors)
    {
        var invoice = fields.Required(reader, CanonicalField.InvoiceNo, errors);
        var guest = fields.IsGuest(reader);
        var customerId = guest ? null : fields.Id(reader, errors);
        var date = fields.Date(reader, errors);
        _ = fields.Required(reader, CanonicalField.ProductCode, errors);
        var quantity = fields.Amount(reader, CanonicalField.Quantity, required: true, errors);
        var price = fields.Amount(reader, CanonicalField.UnitPrice, required: true, errors);
        var category = fields.Text(reader, CanonicalField.Category, errors, pooled: true) ?? fields.Pooled(fields.Optional(reader, CanonicalField.ProductCode));
        if (errors.Count == 0 && !guest && invoices.TryGetValue(invoice!, out var folded) && folded.CustomerId != customerId!.Value)
        {
            errors.Add(RowError.Of(reader.Row, fields.Column(CanonicalField.CustomerId), customerId.Value.Value,
                $"invoice {invoice} belongs to customer {folded.CustomerId} (row {folded.FirstRow})"));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        if (guest)
        {
            var line = quantity!.Value * price!.Value;
            return ParsedRow.WithoutCustomer(IsCreditNote(invoice!, reader, fields) ? -Math.Abs(line) : line);
        }

        if (!invoices.TryGetValue(invoice!, out folded))
        {
            if (invoices.Count >= limits.MaxOpenInvoices)
            {
                throw new ExportRejectedException($"More than {limits.MaxOpenInvoices:N0} invoices in one order-line file: split it.");
            }

            folded = new FoldedInvoice(customerId!.Value, date!.Value, reader.Row, IsCreditNote(invoice!, reader, fields));
            invoices[invoice!] = folded;
        }

        folded.Add(quantity!.Value * price!.Value, date!.Value, category);
        return ParsedRow.Line();
    }

    // Asked of a guest line and of an invoice's first line only: an invoice's other lines follow its first.
    private static bool IsCreditNote(string invoice, IRowReader reader, RowFields fields) =>
        SaleStatus.IsCreditNote(invoice, fields.Optional(reader, CanonicalField.Status));
}
