using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;

namespace CustomerTiering.Exports.Reading;

/// <summary>The first sheet of an .xlsx workbook through MiniExcel, streamed row by row; cells read as the text a user sees.</summary>
public sealed class XlsxRowReader : IRowReader
{
    private readonly Stream _stream;
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly string[] _keys;
    private readonly string?[] _fields;
    private readonly int _maxRows;
    private long _row = 1;

    /// <summary>Reads a workbook from a seekable stream: a zip is read from its end.</summary>
    public XlsxRowReader(Stream seekable, ExportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _stream = seekable;
        _maxRows = limits.MaxSheetRows;
        try
        {
            CheckParts(seekable, limits);
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

        if (++_row > _maxRows)
        {
            throw new ExportRejectedException($"The first sheet has more than {_maxRows:N0} rows, Excel's own limit: it was not saved by Excel. Save it as CSV.");
        }

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

    /// <summary>
    /// Every part's expanded size and compression ratio, from the zip's directory, before any part is read. The sizes are
    /// the ones the zip declares; a part that expands past its declared size is left to .NET's zip reader to refuse.
    /// </summary>
    private static void CheckParts(Stream seekable, ExportLimits limits)
    {
        const long RatioCheckedAbove = 1024 * 1024;
        using (var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var part in zip.Entries)
            {
                if (part.Length > limits.MaxWorkbookPartBytes)
                {
                    throw new ExportRejectedException(
                        $"The workbook's part {part.FullName} expands to {part.Length / (1024 * 1024):N0} MB; a part may expand to at most {limits.MaxWorkbookPartBytes / (1024 * 1024):N0} MB (ExportLimits.MaxWorkbookPartBytes). Save the sheet as CSV.");
                }

                if (part.Length > RatioCheckedAbove && part.Length > (long)limits.MaxWorkbookCompressionRatio * Math.Max(1, part.CompressedLength))
                {
                    throw new ExportRejectedException(
                        $"The workbook's part {part.FullName} expands {part.Length / Math.Max(1, part.CompressedLength):N0} times its size; at most {limits.MaxWorkbookCompressionRatio} times is read (ExportLimits.MaxWorkbookCompressionRatio). Save the sheet as CSV.");
                }
            }
        }

        seekable.Position = 0;
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
