namespace CustomerTiering.Exports.Mapping;

/// <summary>Which column of a header holds which field, and so what kind of export it is.</summary>
public sealed class ColumnMap
{
    private static readonly CanonicalField[] CustomerFields = [CanonicalField.CustomerId];
    private static readonly CanonicalField[] OrderFields = [CanonicalField.OrderId, CanonicalField.CustomerId, CanonicalField.OrderDate, CanonicalField.Amount];
    private static readonly CanonicalField[] OrderLineFields =
        [CanonicalField.InvoiceNo, CanonicalField.CustomerId, CanonicalField.OrderDate, CanonicalField.ProductCode, CanonicalField.Quantity, CanonicalField.UnitPrice];

    private readonly Dictionary<CanonicalField, int> _columns;

    private ColumnMap(ExportKind kind, Dictionary<CanonicalField, int> columns, IReadOnlyList<string> header)
    {
        Kind = kind;
        _columns = columns;
        Header = header;
    }

    public ExportKind Kind { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The column of a field, or -1 when the export has none.</summary>
    public int this[CanonicalField field] => _columns.TryGetValue(field, out var column) ? column : -1;

    /// <summary>
    /// Maps a header. <paramref name="expected"/> comes from the folder (<c>customers/</c>, <c>orders/</c>); without it the
    /// header decides. A file whose header fits no kind, or lacks a required column, is rejected naming what is missing.
    /// </summary>
    public static ColumnMap Resolve(IReadOnlyList<string> header, MappingProfile profile, ExportKind? expected)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(profile);
        var byProfile = profile.Columns.ToDictionary(
            c => FieldAliases.Normalise(c.Key),
            c => Enum.Parse<CanonicalField>(c.Value, ignoreCase: true),
            StringComparer.Ordinal);
        var columns = new Dictionary<CanonicalField, int>();
        var duplicates = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var normalised = FieldAliases.Normalise(header[i]);
            CanonicalField? field = byProfile.TryGetValue(normalised, out var mapped) ? mapped : FieldAliases.Find(header[i]);
            if (field is { } f && !columns.TryAdd(f, i))
            {
                duplicates.Add($"'{header[columns[f]]}' and '{header[i]}' both name {f}");
            }
        }

        if (duplicates.Count > 0)
        {
            throw new ExportRejectedException("Ambiguous header: " + string.Join("; ", duplicates) + ". Map one of them in a profile.");
        }

        var kind = expected switch
        {
            ExportKind.Customers => ExportKind.Customers,
            ExportKind.Orders or ExportKind.OrderLines => columns.ContainsKey(CanonicalField.InvoiceNo) && !columns.ContainsKey(CanonicalField.OrderId)
                ? ExportKind.OrderLines
                : ExportKind.Orders,
            _ => Guess(columns),
        };
        var required = kind switch
        {
            ExportKind.Customers => CustomerFields,
            ExportKind.Orders => OrderFields,
            _ => OrderLineFields,
        };
        var missing = required.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new ExportRejectedException(
                $"This {Describe(kind)} lacks required column(s): " +
                string.Join("; ", missing.Select(f => $"{f} (accepted: {string.Join(", ", FieldAliases.Of(f).Take(6))})")) +
                $". The header has: {string.Join(", ", header.Take(30))}.");
        }

        return new ColumnMap(kind, columns, header);
    }

    private static ExportKind Guess(Dictionary<CanonicalField, int> columns)
    {
        if (columns.ContainsKey(CanonicalField.OrderId) && columns.ContainsKey(CanonicalField.Amount))
        {
            return ExportKind.Orders;
        }

        if (columns.ContainsKey(CanonicalField.InvoiceNo) && columns.ContainsKey(CanonicalField.Quantity))
        {
            return ExportKind.OrderLines;
        }

        if (columns.ContainsKey(CanonicalField.CustomerId) && !columns.ContainsKey(CanonicalField.Amount) && !columns.ContainsKey(CanonicalField.Quantity))
        {
            return ExportKind.Customers;
        }

        throw new ExportRejectedException(
            "Neither a customer nor an order file: put it under customers/ or orders/, or give it a header with a customer id " +
            "(customers), order id and amount (orders), or invoice, quantity and unit price (order lines).");
    }

    private static string Describe(ExportKind kind) => kind switch
    {
        ExportKind.Customers => "customer file",
        ExportKind.Orders => "order file",
        _ => "order-line file",
    };
}
