using CustomerTiering.Domain.Customers;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports;

/// <summary>
/// Turns rows into customers, orders and invoices, checking every field. Each data row gives one outcome: accepted, rejected with
/// every problem it has, or (orders and order lines without a customer id) a sale without a customer, which is counted
/// and left out. Order lines are folded into one order per invoice, emitted after the last row.
/// </summary>
public sealed class ExportParser(ColumnMap map, MappingProfile profile, ExportLimits limits, ColumnConventions conventions)
{
    private const int MaxIdLength = 128;
    private const int MaxTextLength = 200;

    // Credit notes and returns count negative; a cancelled order counts nothing (re-exported, it replaces the original).
    private static readonly string[] CreditMarkers = ["credit", "return", "refund", "退货", "退款", "红冲", "贷项"];
    // A marketplace order closed (交易关闭) or refunded in full (退款成功) is that order's own row, not a separate credit note.
    private static readonly string[] CancelMarkers = ["cancel", "void", "取消", "作废", "交易关闭", "退款成功"];

    private readonly ValueParser _values = new(profile, conventions);

    // Categories, currencies and the like repeat on every row: one string each, not one per row.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pool =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

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
            ExportKind.Customers => Customers(reader),
            ExportKind.Orders => Orders(reader),
            ExportKind.Invoices => Invoices(reader),
            _ => OrderLines(reader),
        };
    }

    private IEnumerable<ParsedRow> Customers(IRowReader reader)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (Structural(reader) is { } problem)
            {
                yield return ParsedRow.Rejected(problem);
                continue;
            }

            var errors = new List<RowError>(0);
            var id = Id(reader, errors);
            var customer = id is { } customerId
                ? new CustomerProfile(
                    customerId,
                    Text(reader, CanonicalField.Name, errors) ?? PersonName(reader, errors),
                    TypeOf(Optional(reader, CanonicalField.CustomerType)),
                    Text(reader, CanonicalField.Region, errors),
                    Text(reader, CanonicalField.Channel, errors),
                    Text(reader, CanonicalField.Owner, errors),
                    OptionalDate(reader, CanonicalField.LastContact, errors),
                    NonNegative(reader, CanonicalField.CreditLimit, errors))
                : null;
            if (customer is not null && errors.Count == 0 && !seen.TryAdd(customer.Id.Value, reader.Row))
            {
                errors.Add(RowError.Of(reader.Row, Column(CanonicalField.CustomerId), customer.Id.Value, $"duplicate customer id: row {seen[customer.Id.Value]} has it already"));
            }

            yield return errors.Count > 0 ? ParsedRow.Rejected(errors) : ParsedRow.Of(customer!);
        }
    }

    private IEnumerable<ParsedRow> Orders(IRowReader reader)
    {
        while (reader.Read())
        {
            if (Structural(reader) is { } problem)
            {
                yield return ParsedRow.Rejected(problem);
                continue;
            }

            var errors = new List<RowError>(0);
            var orderId = Required(reader, CanonicalField.OrderId, errors);
            var guest = IsGuest(reader);
            var customerId = guest ? null : Id(reader, errors);
            var date = Date(reader, errors);
            var amount = Amount(reader, CanonicalField.Amount, required: true, errors);
            var margin = Amount(reader, CanonicalField.Margin, required: false, errors);
            var currency = Text(reader, CanonicalField.Currency, errors, pooled: true);
            var category = Text(reader, CanonicalField.Category, errors, pooled: true);
            if (errors.Count > 0)
            {
                yield return ParsedRow.Rejected(errors);
                continue;
            }

            var status = Optional(reader, CanonicalField.Status);
            var (net, netMargin) = Marked(status, amount!.Value, margin);
            yield return guest
                ? ParsedRow.WithoutCustomer(net)
                : ParsedRow.Of(new ExportedOrder(new Order(orderId!, customerId!.Value, date!.Value, net, netMargin, category), currency?.ToUpperInvariant()));
        }
    }

    /// <summary>
    /// Receivables: every invoice needs its customer (no guest invoices), a positive amount (credit notes belong in the
    /// order export), a due date not before the invoice date; a paid amount needs its paid date. An invoice id twice in
    /// one file is rejected the second time.
    /// </summary>
    private IEnumerable<ParsedRow> Invoices(IRowReader reader)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (Structural(reader) is { } problem)
            {
                yield return ParsedRow.Rejected(problem);
                continue;
            }

            var errors = new List<RowError>(0);
            var invoiceId = Required(reader, CanonicalField.InvoiceNo, errors);
            var customerId = Id(reader, errors);
            var date = Date(reader, errors);
            var due = Date(reader, errors, CanonicalField.DueDate);
            var amount = Amount(reader, CanonicalField.Amount, required: true, errors);
            var paidDate = OptionalDate(reader, CanonicalField.PaidDate, errors);
            var paid = NonNegative(reader, CanonicalField.PaidAmount, errors);
            if (amount is <= 0)
            {
                Problem(reader, CanonicalField.Amount, "an invoice amount must be positive (credit notes and returns belong in the order export)", errors);
            }

            if (date is { } invoiced && due < invoiced)
            {
                Problem(reader, CanonicalField.DueDate, $"due before the invoice date {invoiced:yyyy-MM-dd}", errors);
            }

            if (date is { } issued && paidDate < issued)
            {
                Problem(reader, CanonicalField.PaidDate, $"paid before the invoice date {issued:yyyy-MM-dd}", errors);
            }

            if (paid is > 0 && paidDate is null)
            {
                Problem(reader, CanonicalField.PaidAmount, "a paid amount needs the date it was paid", errors);
            }

            if (errors.Count == 0 && !seen.TryAdd(invoiceId!, reader.Row))
            {
                errors.Add(RowError.Of(reader.Row, Column(CanonicalField.InvoiceNo), invoiceId, $"duplicate invoice: row {seen[invoiceId!]} has it already"));
            }

            yield return errors.Count > 0
                ? ParsedRow.Rejected(errors)
                : ParsedRow.Of(new Invoice(invoiceId!, customerId!.Value, date!.Value, due!.Value, amount!.Value, paidDate, paid));
        }
    }

    private IEnumerable<ParsedRow> OrderLines(IRowReader reader)
    {
        var invoices = new Dictionary<string, FoldedInvoice>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (Structural(reader) is { } problem)
            {
                yield return ParsedRow.Rejected(problem);
                continue;
            }

            var errors = new List<RowError>(0);
            var invoice = Required(reader, CanonicalField.InvoiceNo, errors);
            var guest = IsGuest(reader);
            var customerId = guest ? null : Id(reader, errors);
            var date = Date(reader, errors);
            _ = Required(reader, CanonicalField.ProductCode, errors);
            var quantity = Amount(reader, CanonicalField.Quantity, required: true, errors);
            var price = Amount(reader, CanonicalField.UnitPrice, required: true, errors);
            var category = Text(reader, CanonicalField.Category, errors, pooled: true) ?? Pooled(Optional(reader, CanonicalField.ProductCode));
            if (errors.Count == 0 && !guest && invoices.TryGetValue(invoice!, out var folded) && folded.CustomerId != customerId!.Value)
            {
                errors.Add(RowError.Of(reader.Row, Column(CanonicalField.CustomerId), customerId.Value.Value,
                    $"invoice {invoice} belongs to customer {folded.CustomerId} (row {folded.FirstRow})"));
            }

            if (errors.Count > 0)
            {
                yield return ParsedRow.Rejected(errors);
                continue;
            }

            if (guest)
            {
                var line = quantity!.Value * price!.Value;
                yield return ParsedRow.WithoutCustomer(IsCreditNote(invoice!, Optional(reader, CanonicalField.Status)) ? -Math.Abs(line) : line);
                continue;
            }

            if (!invoices.TryGetValue(invoice!, out folded))
            {
                if (invoices.Count >= limits.MaxOpenInvoices)
                {
                    throw new ExportRejectedException($"More than {limits.MaxOpenInvoices:N0} invoices in one order-line file: split it.");
                }

                folded = new FoldedInvoice(customerId!.Value, date!.Value, reader.Row, IsCreditNote(invoice!, Optional(reader, CanonicalField.Status)));
                invoices[invoice!] = folded;
            }

            folded.Add(quantity!.Value * price!.Value, date!.Value, category);
            yield return ParsedRow.Line();
        }

        foreach (var (invoice, folded) in invoices)
        {
            var amount = folded.CreditNote ? -Math.Abs(folded.Amount) : folded.Amount;
            yield return ParsedRow.FromLines(new ExportedOrder(new Order(invoice, folded.CustomerId, folded.Date, amount, null, folded.Category), null));
        }
    }

    private static RowError? Structural(IRowReader reader) =>
        reader.RowProblem is { } problem ? new RowError(reader.Row, "", "", problem) : null;

    /// <summary>An order or line without a customer id: a guest sale, counted apart. Customer files still need the id.</summary>
    private bool IsGuest(IRowReader reader) => CustomerIdText(reader).IsEmpty;

    private ReadOnlySpan<char> CustomerIdText(IRowReader reader)
    {
        var text = SpreadsheetGuard.Strip(Field(reader, CanonicalField.CustomerId));
        return conventions.IdsWrittenAsDecimals ? ColumnSurvey.WholeNumber(text) : text;
    }

    private CustomerId? Id(IRowReader reader, List<RowError> errors)
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

    private string? Required(IRowReader reader, CanonicalField field, List<RowError> errors)
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

    private string? Text(IRowReader reader, CanonicalField field, List<RowError> errors, bool pooled = false)
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
    private string? PersonName(IRowReader reader, List<RowError> errors) =>
        string.Join(' ', new[] { Text(reader, CanonicalField.FirstName, errors), Text(reader, CanonicalField.LastName, errors) }.OfType<string>()) is { Length: > 0 } name
            ? name
            : null;

    private string Pooled(ReadOnlySpan<char> text)
    {
        if (_pool.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = text.ToString();
        if (_pool.Dictionary.Count < 10_000)
        {
            _pool.Dictionary[value] = value;
        }

        return value;
    }

    private DateOnly? Date(IRowReader reader, List<RowError> errors, CanonicalField field = CanonicalField.OrderDate)
    {
        var text = Field(reader, field);
        if (_values.TryParseDate(text, out var date, out var reason))
        {
            return date;
        }

        errors.Add(RowError.Of(reader.Row, Column(field), text, reason!));
        return null;
    }

    private DateOnly? OptionalDate(IRowReader reader, CanonicalField field, List<RowError> errors) =>
        Optional(reader, field).IsEmpty ? null : Date(reader, errors, field);

    private decimal? Amount(IRowReader reader, CanonicalField field, bool required, List<RowError> errors)
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
    private decimal? NonNegative(IRowReader reader, CanonicalField field, List<RowError> errors)
    {
        var value = Amount(reader, field, required: false, errors);
        if (value < 0)
        {
            Problem(reader, field, "must not be negative", errors);
            return null;
        }

        return value;
    }

    private void Problem(IRowReader reader, CanonicalField field, string reason, List<RowError> errors) =>
        errors.Add(RowError.Of(reader.Row, Column(field), Field(reader, field), reason));

    private ReadOnlySpan<char> Optional(IRowReader reader, CanonicalField field) => Field(reader, field).Trim();

    private ReadOnlySpan<char> Field(IRowReader reader, CanonicalField field) => map[field] is var column and >= 0 ? reader.Field(column) : [];

    private string Column(CanonicalField field) => map[field] is var column and >= 0 ? map.Header[column] : field.ToString();

    private const string GarbledReason = "holds characters that are not valid in the file's encoding (save the export as UTF-8)";

    private static bool Garbled(ReadOnlySpan<char> text) => text.Contains('\uFFFD');

    private static (decimal Amount, decimal? Margin) Marked(ReadOnlySpan<char> status, decimal amount, decimal? margin)
    {
        if (Matches(status, CancelMarkers))
        {
            return (0m, margin is null ? null : 0m);
        }

        return Matches(status, CreditMarkers)
            ? (-Math.Abs(amount), margin is { } m ? -Math.Abs(m) : null)
            : (amount, margin);
    }

    // Online-retail exports mark credit notes with invoice numbers like C536379.
    private static bool IsCreditNote(string invoice, ReadOnlySpan<char> status) =>
        (invoice.Length > 1 && invoice[0] is 'C' or 'c' && char.IsAsciiDigit(invoice[1])) || Matches(status, CreditMarkers) || Matches(status, CancelMarkers);

    private static bool Matches(ReadOnlySpan<char> status, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (status.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static CustomerType TypeOf(ReadOnlySpan<char> text)
    {
        var t = text.ToString().ToLowerInvariant();
        return t switch
        {
            "individual" or "person" or "consumer" or "b2c" or "private" or "个人" or "自然人" => CustomerType.Individual,
            "enterprise" or "company" or "business" or "organisation" or "organization" or "b2b" or "corporate" or "企业" or "公司" or "单位" => CustomerType.Enterprise,
            _ => CustomerType.Unknown,
        };
    }

    /// <summary>An invoice's lines so far: total, earliest date, the category of its largest line.</summary>
    private sealed class FoldedInvoice(CustomerId customerId, DateOnly date, long firstRow, bool creditNote)
    {
        private decimal _largestLine = decimal.MinValue;

        public CustomerId CustomerId { get; } = customerId;

        public long FirstRow { get; } = firstRow;

        public bool CreditNote { get; } = creditNote;

        public DateOnly Date { get; private set; } = date;

        public decimal Amount { get; private set; }

        public string? Category { get; private set; }

        public void Add(decimal amount, DateOnly date, string? category)
        {
            Amount += amount;
            Date = date < Date ? date : Date;
            if (Math.Abs(amount) > _largestLine)
            {
                _largestLine = Math.Abs(amount);
                Category = category;
            }
        }
    }
}
