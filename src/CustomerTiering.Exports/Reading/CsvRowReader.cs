using Sylvan.Data.Csv;

namespace CustomerTiering.Exports.Reading;

/// <summary>RFC 4180 CSV through Sylvan.Data.Csv: quoted fields with delimiters and newlines, doubled quotes; the delimiter is the shape's, found from the header.</summary>
public sealed class CsvRowReader : IRowReader
{
    private readonly CsvDataReader _csv;
    private long _row = 1;

    public CsvRowReader(TextReader text, ExportLimits limits, ExportShape shape)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        try
        {
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = shape.Delimiter ?? ',',
                BufferSize = 64 * 1024,
                MaxBufferSize = limits.MaxRecordBytes,
                HeaderComparer = StringComparer.Ordinal,
            });
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ExportRejectedException($"The header is longer than {limits.MaxRecordBytes / 1024} KB: this is not an export.");
        }
        catch (CsvFormatException ex)
        {
            throw Malformed("The header", ex);
        }

        if (_csv.FieldCount > limits.MaxColumns)
        {
            throw new ExportRejectedException($"The header has {_csv.FieldCount} columns; at most {limits.MaxColumns} are read.");
        }

        Header = [.. Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName)];
        MaxRecordBytes = limits.MaxRecordBytes;
    }

    private int MaxRecordBytes { get; }

    public ExportShape Shape { get; }

    public IReadOnlyList<string> Header { get; }

    public long Row => _row;

    public string? RowProblem => null;

    public bool Read()
    {
        try
        {
            var more = _csv.Read();
            _row++;
            return more;
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ExportRejectedException($"Row {_row + 1} is longer than {MaxRecordBytes / 1024} KB (an unclosed quote, or a field of megabytes).");
        }
        catch (CsvFormatException ex)
        {
            throw Malformed($"Row {_row + 1}", ex);
        }
    }

    /// <summary>
    /// A quoted field that is not closed, or text after its closing quote: the rows after it cannot be told apart with any
    /// certainty, so the file is rejected rather than read on out of step.
    /// </summary>
    private static ExportRejectedException Malformed(string where, CsvFormatException ex) =>
        new($"{where} is not valid CSV: {ex.Message} A quote inside a quoted field must be doubled (\"\"), and a quoted field must end with a quote before the next delimiter.");

    public ReadOnlySpan<char> Field(int column) =>
        column < _csv.RowFieldCount ? _csv.GetFieldSpan(column) : [];

    public void Dispose() => _csv.Dispose();
}
