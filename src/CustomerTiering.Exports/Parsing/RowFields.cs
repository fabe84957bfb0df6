using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Parsing;

/// <summary>
/// The fields of the current row by what they mean, each read and checked: a field that fails adds its problem to the
/// row's errors and reads as null, so a row reports every problem it has at once.
/// </summary>
internal sealed class RowFields(ColumnMap map, MappingProfile profile, ColumnConventions conventions)
{
    private const int MaxIdLength = 128;
    private const int MaxTextLength = 200;
    private const int MaxPooled = 10_000;
    private const string GarbledReason = "holds characters that are not valid in the file's encoding (save the export as UTF-8)";

    private readonly ValueParser _values = new(profile, conventions);

    // Categories, currencies and the like repeat on every row: one string each, not one per row.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pool =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Every row of a file, read by <paramref name="read"/>, which adds each problem of the row to the list it is given
    /// (all of them, so that one pass through the rejected rows fixes the file) and returns the row when there were none.
    /// A row the reader itself could not make sense of (too many fields, a broken quote) is rejected before its fields
    /// are read: they would mean nothing.
    /// </summary>
    public static IEnumerable<ParsedRow> Each(IRowReader reader, Func<List<RowError>, ParsedRow?> read)
    {
        while (reader.Read())
        {
            if (reader.RowProblem is { } problem)
            {
                yield return ParsedRow.Rejected(new RowError(reader.Row, "", "", problem));
                continue;
            }

            var errors = new List<RowError>(0);
            var row = read(errors);
            yield return errors.Count > 0 ? ParsedRow.Rejected(errors) : row!.Value;
        }
    }

    /// <summary>An order or line without a customer id: a guest sale, counted apart. Customer files still need the id.</summary>
    public bool IsGuest(IRowReader reader) => CustomerIdText(reader).IsEmpty;

    public CustomerId? Id(IRowReader reader, List<RowError> errors)
    {
        var text = CustomerIdText(reader);
        if (Garbled(text))
        {
            errors.Add(RowError.Of(reader.Row, Column(CanonicalField.CustomerId), text, GarbledReason));
            return null;
        }

        if (CustomerId.TryCreate(text.ToString(), out var id, out var reason))
        {
            return id;
        }

        errors.Add(RowError.Of(reader.Row, Column(CanonicalField.CustomerId), text, reason!));
        return null;
    }

    /// <summary>An identifier (order, invoice, product): present, short, printable.</summary>
    public string? Required(IRowReader reader, CanonicalField field, List<RowError> errors)
    {
        var text = SpreadsheetGuard.Strip(Field(reader, field));
        var reason = text.IsEmpty ? "required but empty"
            : text.Length > MaxIdLength ? $"longer than {MaxIdLength} characters"
            : Garbled(text) ? GarbledReason
            : text.ContainsAnyInRange('\0', '\u001F') ? "contains control characters"
            : null;
        if (reason is not null)
        {
            errors.Add(RowError.Of(reader.Row, Column(field), text, reason));
            return null;
        }

        return text.ToString();
    }

    /// <summary>An optional text; <paramref name="pooled"/> for values that repeat on many rows.</summary>
    public string? Text(IRowReader reader, CanonicalField field, List<RowError> errors, bool pooled = false)
    {
        var text = Optional(reader, field);
        if (text.IsEmpty)
        {
            return null;
        }

        if (text.Length > MaxTextLength || Garbled(text))
        {
            errors.Add(RowError.Of(reader.Row, Column(field), text, text.Length > MaxTextLength ? $"longer than {MaxTextLength} characters" : GarbledReason));
            return null;
        }

        return pooled ? Pooled(text) : text.ToString();
    }

    /// <summary>First and last name, where the export splits them (a shop's customer export) and has no name column.</summary>
    public string? PersonName(IRowReader reader, List<RowError> errors) =>
        string.Join(' ', new[] { Text(reader, CanonicalField.FirstName, errors), Text(reader, CanonicalField.LastName, errors) }.OfType<string>()) is { Length: > 0 } name
            ? name
            : null;

    public string Pooled(ReadOnlySpan<char> text)
    {
        if (_pool.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = text.ToString();
        if (_pool.Dictionary.Count < MaxPooled)
        {
            _pool.Dictionary[value] = value;
        }

        return value;
    }

    public DateOnly? Date(IRowReader reader, List<RowError> errors, CanonicalField field = CanonicalField.OrderDate)
    {
        var text = Field(reader, field);
        if (_values.TryParseDate(text, out var date, out var reason))
        {
            return date;
        }

        errors.Add(RowError.Of(reader.Row, Column(field), text, reason!));
        return null;
    }

    public DateOnly? OptionalDate(IRowReader reader, CanonicalField field, List<RowError> errors) =>
        Optional(reader, field).IsEmpty ? null : Date(reader, errors, field);

    public decimal? Amount(IRowReader reader, CanonicalField field, bool required, List<RowError> errors)
    {
        var text = Field(reader, field);
        if (!required && text.Trim().IsEmpty)
        {
            return null;
        }

        if (_values.TryParseAmount(text, out var amount, out var reason))
        {
            return amount;
        }

        errors.Add(RowError.Of(reader.Row, Column(field), text, reason!));
        return null;
    }

    /// <summary>An optional amount that cannot be negative (a credit limit, a paid amount).</summary>
    public decimal? NonNegative(IRowReader reader, CanonicalField field, List<RowError> errors)
    {
        var value = Amount(reader, field, required: false, errors);
        if (value < 0)
        {
            Problem(reader, field, "must not be negative", errors);
            return null;
        }

        return value;
    }

    /// <summary>A problem found by comparing fields, reported at <paramref name="field"/> with its value.</summary>
    public void Problem(IRowReader reader, CanonicalField field, string reason, List<RowError> errors) =>
        errors.Add(RowError.Of(reader.Row, Column(field), Field(reader, field), reason));

    public ReadOnlySpan<char> Optional(IRowReader reader, CanonicalField field) => Field(reader, field).Trim();

    /// <summary>The column's name as the file's header writes it, for the report.</summary>
    public string Column(CanonicalField field) => map[field] is var column and >= 0 ? map.Header[column] : field.ToString();

    private ReadOnlySpan<char> Field(IRowReader reader, CanonicalField field) => map[field] is var column and >= 0 ? reader.Field(column) : [];

    private ReadOnlySpan<char> CustomerIdText(IRowReader reader)
    {
        var text = SpreadsheetGuard.Strip(Field(reader, CanonicalField.CustomerId));
        return conventions.IdsWrittenAsDecimals ? ColumnSurvey.WholeNumber(text) : text;
    }

    private static bool Garbled(ReadOnlySpan<char> text) => text.Contains('\uFFFD');
}
