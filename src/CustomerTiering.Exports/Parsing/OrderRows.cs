using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Parsing;

/// <summary>An order file: one order per row, its amount signed by its status; a row without a customer id is a guest sale.</summary>
internal static class OrderRows
{
    public static IEnumerable<ParsedRow> Parse(IRowReader reader, RowFields fields) => RowFields.Each(reader, errors =>
    {
        var orderId = fields.Required(reader, CanonicalField.OrderId, errors);
        var guest = fields.IsGuest(reader);
        var customerId = guest ? null : fields.Id(reader, errors);
        var date = fields.Date(reader, errors);
        var amount = fields.Amount(reader, CanonicalField.Amount, required: true, errors);
        var margin = fields.Amount(reader, CanonicalField.Margin, required: false, errors);
        var currency = fields.Text(reader, CanonicalField.Currency, errors, pooled: true);
        var category = fields.Text(reader, CanonicalField.Category, errors, pooled: true);
        if (errors.Count > 0)
        {
            return null;
        }

        var (net, netMargin) = SaleStatus.Net(fields.Optional(reader, CanonicalField.Status), amount!.Value, margin);
        return guest
            ? ParsedRow.WithoutCustomer(net)
            : ParsedRow.Of(new ExportedOrder(new Order(orderId!, customerId!.Value, date!.Value, net, netMargin, category), currency?.ToUpperInvariant()));
    });
}
