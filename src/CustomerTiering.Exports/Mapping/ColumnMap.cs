namespace CustomerTiering.Exports.Mapping;

/// <summary>Which column of a header holds which field, and so what kind of export it is.</summary>
public sealed class ColumnMap
{
    private static readonly CanonicalField[] CustomerFields = [CanonicalField.CustomerId];
    private static readonly CanonicalField[] OrderFields = [CanonicalField.OrderId, CanonicalField.CustomerId, CanonicalField.OrderDate, CanonicalField.Amount];
    private static readonly CanonicalField[] OrderLineFields =
        [CanonicalField.InvoiceNo, CanonicalField.CustomerId, CanonicalField.OrderDate, CanonicalField.ProductCode, CanonicalField.Quantity, CanonicalField.UnitPrice];

    private static readonly CanonicalField[] InvoiceFields =
        [CanonicalField.InvoiceNo, CanonicalField.CustomerId, CanonicalField.OrderDate, CanonicalField.DueDate, CanonicalField.Amount];

    private readonly Dictionary<CanonicalField, int> _columns;

    private ColumnMap(ExportKind kind, Dictionary<CanonicalField, int> columns, IReadOnlyList<string> header, IReadOnlyList<ColumnUse> uses)
    {
        Kind = kind;
        _columns = columns;
        Header = header;
        Uses = uses;
    }

    public ExportKind Kind { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>What became of each header column: the field it feeds, or why it is not read.</summary>
    public IReadOnlyList<ColumnUse> Uses { get; }

    /// <summary>The column of a field, or -1 when the export has none.</summary>
    public int this[CanonicalField field] => _columns.TryGetValue(field, out var column) ? column : -1;

    /// <summary>
    /// Maps a header. A profile's explicit mapping wins (and <c>"ignore"</c> leaves a column out); among headers that
    /// name the same field by built-in aliases, the preferred alias wins and the rest are unused; two equally good ones
    /// are ambiguous. <paramref name="expected"/> comes from the folder (<c>customers/</c>, <c>orders/</c>); without it
    /// the header decides. A file whose header fits no kind, or lacks a required column, is rejected naming what is missing.
    /// </summary>
    public static ColumnMap Resolve(IReadOnlyList<string> header, MappingProfile profile, ExportKind? expected)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(profile);
        var byProfile = profile.Columns.ToDictionary(c => FieldAliases.Normalise(c.Key), c => MappingProfile.FieldOf(c.Value), StringComparer.Ordinal);
        var columns = new Dictionary<CanonicalField, int>();
        var uses = new ColumnUse[header.Count];
        var problems = new List<string>();

        // The profile's own choices first: they are what the person who knows the file said.
        for (var i = 0; i < header.Count; i++)
        {
            if (!byProfile.TryGetValue(FieldAliases.Normalise(header[i]), out var mapped))
            {
                continue;
            }

            if (mapped is not { } field)
            {
                uses[i] = new ColumnUse(header[i], null, ColumnUseKind.Ignored, "the profile ignores it");
            }
            else if (columns.TryAdd(field, i))
            {
                uses[i] = new ColumnUse(header[i], field, ColumnUseKind.Mapped, "mapped by the profile");
            }
            else
            {
                problems.Add($"the profile maps both '{header[columns[field]]}' and '{header[i]}' to {field}");
            }
        }

        // Then the built-in aliases, best alias first within each field.
        var byAlias = Enumerable.Range(0, header.Count)
            .Where(i => uses[i] is null)
            .Select(i => (Column: i, Found: FieldAliases.FindRanked(header[i])))
            .ToList();
        foreach (var (i, _) in byAlias.Where(c => c.Found is null))
        {
            uses[i] = new ColumnUse(header[i], null, ColumnUseKind.Unknown, "no field has this name");
        }

        foreach (var group in byAlias.Where(c => c.Found is not null).GroupBy(c => c.Found!.Value.Field))
        {
            var ranked = group.OrderBy(c => c.Found!.Value.Rank).ThenBy(c => c.Column).ToList();
            var field = group.Key;
            var start = 0;
            if (!columns.TryGetValue(field, out var used))
            {
                if (ranked.Count > 1 && ranked[1].Found!.Value.Rank == ranked[0].Found!.Value.Rank)
                {
                    problems.Add($"'{header[ranked[0].Column]}' and '{header[ranked[1].Column]}' both name {field}");
                }

                used = columns[field] = ranked[0].Column;
                uses[used] = new ColumnUse(header[used], field, ColumnUseKind.Mapped, "built-in name");
                start = 1;
            }

            foreach (var (i, _) in ranked.Skip(start))
            {
                uses[i] = new ColumnUse(header[i], field, ColumnUseKind.Unused, $"{field} is read from '{header[used]}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new ExportRejectedException("Ambiguous header: " + string.Join("; ", problems) + ". Map one of them in a profile, or ignore the other.");
        }

        var kind = expected switch
        {
            ExportKind.Customers => ExportKind.Customers,
            ExportKind.Invoices => ExportKind.Invoices,
            ExportKind.Orders or ExportKind.OrderLines => columns.ContainsKey(CanonicalField.InvoiceNo) && !columns.ContainsKey(CanonicalField.OrderId)
                ? ExportKind.OrderLines
                : ExportKind.Orders,
            _ => Guess(columns),
        };
        var required = kind switch
        {
            ExportKind.Customers => CustomerFields,
            ExportKind.Orders => OrderFields,
            ExportKind.Invoices => InvoiceFields,
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

        return new ColumnMap(kind, columns, header, uses);
    }

    private static ExportKind Guess(Dictionary<CanonicalField, int> columns)
    {
        if (columns.ContainsKey(CanonicalField.InvoiceNo) && columns.ContainsKey(CanonicalField.DueDate))
        {
            return ExportKind.Invoices;
        }

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
            "Neither a customer, an order nor an invoice file: put it under customers/, orders/ or invoices/, or give it a header with a " +
            "customer id (customers), order id and amount (orders), invoice, quantity and unit price (order lines), or invoice and due date (invoices).");
    }

    private static string Describe(ExportKind kind) => kind switch
    {
        ExportKind.Customers => "customer file",
        ExportKind.Orders => "order file",
        ExportKind.Invoices => "invoice file",
        _ => "order-line file",
    };
}
