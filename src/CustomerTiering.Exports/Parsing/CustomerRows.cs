using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Parsing;

/// <summary>A customer file: one profile per row; a customer id twice in one file is rejected the second time.</summary>
internal static class CustomerRows
{
    public static IEnumerable<ParsedRow> Parse(IRowReader reader, RowFields fields)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        return RowFields.Each(reader, errors =>
        {
            var customer = fields.Id(reader, errors) is { } id
                ? new CustomerProfile(
                    id,
                    fields.Text(reader, CanonicalField.Name, errors) ?? fields.PersonName(reader, errors),
                    CustomerTypeWords.Read(fields.Optional(reader, CanonicalField.CustomerType)),
                    fields.Text(reader, CanonicalField.Region, errors),
                    fields.Text(reader, CanonicalField.Channel, errors),
                    fields.Text(reader, CanonicalField.Owner, errors),
                    fields.OptionalDate(reader, CanonicalField.LastContact, errors),
                    fields.NonNegative(reader, CanonicalField.CreditLimit, errors))
                : null;
            if (customer is not null && errors.Count == 0 && !seen.TryAdd(customer.Id.Value, reader.Row))
            {
                errors.Add(RowError.Of(reader.Row, fields.Column(CanonicalField.CustomerId), customer.Id.Value, $"duplicate customer id: row {seen[customer.Id.Value]} has it already"));
            }

            return customer is null ? null : ParsedRow.Of(customer);
        });
    }
}
