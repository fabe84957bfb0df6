namespace CustomerTiering.Exports.Records;

/// <summary>A rejected row: where (row, the header row being 1; column), what (the value, cut to 200 characters) and why.</summary>
public sealed record RowError(long Row, string Column, string Value, string Reason)
{
    public static RowError Of(long row, string column, ReadOnlySpan<char> value, string reason) =>
        new(row, column, value.Length <= 200 ? value.ToString() : string.Concat(value[..200], "…"), reason);
}
