using System.Globalization;
using MiniExcelLibs;

namespace CustomerTiering.Exports.Reading;

/// <summary>The first sheet of an .xlsx workbook through MiniExcel, streamed row by row; cells read as the text a user sees.</summary>
public sealed class XlsxRowReader : IRowReader
{
    private readonly Stream _stream;
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly string[] _keys;
    private readonly string?[] _fields;
    private long _row = 1;

    /// <summary>Reads a workbook from a seekable stream: a zip is read from its end.</summary>
    public XlsxRowReader(Stream seekable, ExportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _stream = seekable;
        try
        {
            _rows = MiniExcel.Query(seekable, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
            if (!_rows.MoveNext())
            {
                throw new ExportRejectedException("The first sheet is empty.");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or KeyNotFoundException)
        {
            throw new ExportRejectedException("The workbook cannot be read: " + ex.Message);
        }

        var header = _rows.Current;
        if (header.Count > limits.MaxColumns)
        {
            throw new ExportRejectedException($"The first sheet has {header.Count} columns; at most {limits.MaxColumns} are read.");
        }

        _keys = [.. header.Keys];
        Header = [.. _keys.Select(k => Text(header[k]) ?? "")];
        _fields = new string?[_keys.Length];
    }

    public ExportShape Shape { get; } = new(ExportFormat.Xlsx, Gzipped: false, Encoding: null, Delimiter: null);

    public IReadOnlyList<string> Header { get; }

    public long Row => _row;

    public string? RowProblem => null;

    public bool Read()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        _row++;
        var row = _rows.Current;
        for (var i = 0; i < _keys.Length; i++)
        {
            _fields[i] = row.TryGetValue(_keys[i], out var value) ? Text(value) : null;
        }

        return true;
    }

    public ReadOnlySpan<char> Field(int column) => _fields[column];

    public void Dispose()
    {
        _rows.Dispose();
        _stream.Dispose();
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
