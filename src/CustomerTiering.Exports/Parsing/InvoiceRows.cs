using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Parsing;

/// <summary>
/// Receivables: every invoice needs its customer (no guest invoices), a positive amount (credit notes belong in the
/// order export), a due date not before the invoice date; a paid amount needs its paid date. An invoice id twice in
/// one file is rejected the second time.
/// </summary>
internal static class InvoiceRows
{
    public static IEnumerable<ParsedRow> Parse(IRowReader reader, RowFields fields)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        return RowFields.Each(reader, errors =>
        {
            var invoiceId = fields.Required(reader, CanonicalField.InvoiceNo, errors);
            var customerId = fields.Id(reader, errors);
            var date = fields.Date(reader, errors);
            var due = fields.Date(reader, errors, CanonicalField.DueDate);
            var amount = fields.Amount(reader, CanonicalField.Amount, required: true, errors);
            var paidDate = fields.OptionalDate(reader, CanonicalField.PaidDate, errors);
            var paid = fields.NonNegative(reader, CanonicalField.PaidAmount, errors);
            if (amount is <= 0)
            {
                fields.Problem(reader, CanonicalField.Amount, "an invoice amount must be positive (credit notes and returns belong in the order export)", errors);
            }

            if (date is { } invoiced && due < invoiced)
            {
                fields.Problem(reader, CanonicalField.DueDate, $"due before the invoice date {invoiced:yyyy-MM-dd}", errors);
            }

            if (date is { } issued && paidDate < issued)
            {
                fields.Problem(reader, CanonicalField.PaidDate, $"paid before the invoice date {issued:yyyy-MM-dd}", errors);
            }

            if (paid is > 0 && paidDate is null)
            {
                fields.Problem(reader, CanonicalField.PaidAmount, "a paid amount needs the date it was paid", errors);
            }

            if (errors.Count == 0 && !seen.TryAdd(invoiceId!, reader.Row))
            {
                errors.Add(RowError.Of(reader.Row, fields.Column(CanonicalField.InvoiceNo), invoiceId, $"duplicate invoice: row {seen[invoiceId!]} has it already"));
            }

            return errors.Count > 0 ? null : ParsedRow.Of(new Invoice(invoiceId!, customerId!.Value, date!.Value, due!.Value, amount!.Value, paidDate, paid));
        });
    }
}
