using System.Globalization;
using System.IO.Compression;
using System.Xml;
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
            Check(seekable, limits);
            _rows = MiniExcel.Query(seekable, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
            if (!_rows.MoveNext())
            {
                throw new ExportRejectedException("The first sheet is empty.");
            }
        }
        catch (Exception ex) when (IsBroken(ex))
        {
            throw new ExportRejectedException("The workbook cannot be read: " + Problem(ex));
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
        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
        }
        catch (Exception ex) when (IsBroken(ex))
        {
            // The sheet is read as the rows are: a part broken further in shows only when the reading gets there.
            throw new ExportRejectedException($"The workbook cannot be read after row {_row}: {Problem(ex)}");
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

    /// <summary>The workbook's parts and references, checked before MiniExcel reads any of it; the stream is left at its start.</summary>
    private static void Check(Stream seekable, ExportLimits limits)
    {
        using (var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true))
        {
            CheckParts(zip, limits);
            CheckReferences(zip, limits);
        }

        seekable.Position = 0;
    }

    /// <summary>
    /// Every part's expanded size and compression ratio, from the zip's directory, before any part is read. The sizes are
    /// the ones the zip declares; a part that expands past its declared size is left to .NET's zip reader to refuse.
    /// </summary>
    private static void CheckParts(ZipArchive zip, ExportLimits limits)
    {
        const long RatioCheckedAbove = 1024 * 1024;
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

    /// <summary>Excel's last column, XFD.</summary>
    private const int MaxSheetColumns = 16_384;

    /// <summary>
    /// Every cell and row reference of the sheets, read before MiniExcel reads one: a reference past Excel's last row or
    /// column is refused. MiniExcel fills the rows and columns up to a reference, so a sheet of a few bytes naming row
    /// 99 999 999 kept it busy for seconds and gigabytes. A DTD (which no spreadsheet program writes, and through which
    /// entities expand) is refused too.
    /// </summary>
    private static void CheckReferences(ZipArchive zip, ExportLimits limits)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            using var xml = XmlReader.Create(sheet.Open(), settings);
            while (xml.Read())
            {
                // The sheet's declared extent (its last cell), each row's number, each cell's reference.
                var (what, reference) = xml.NodeType != XmlNodeType.Element ? (null, null) : xml.LocalName switch
                {
                    "dimension" => ("dimension ", xml.GetAttribute("ref")),
                    "row" => ("row ", xml.GetAttribute("r")),
                    "c" => ("cell ", xml.GetAttribute("r")),
                    _ => (null, null),
                };
                if (reference is null)
                {
                    continue;
                }

                var (column, row) = what == "row " ? (1L, Number(reference)) : CellReference(reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                if (row > limits.MaxSheetRows || column > MaxSheetColumns)
                {
                    throw new ExportRejectedException(
                        $"The workbook's sheet {sheet.FullName} refers to {what}{Shortened(reference)}, past Excel's last row ({limits.MaxSheetRows:N0}) or column (XFD): it was not saved by Excel. Save it as CSV.");
                }
            }
        }
    }

    /// <summary>A reference's column (A = 1) and row; a part that is no number counts as past the end.</summary>
    private static (long Column, long Row) CellReference(string reference)
    {
        var letters = 0;
        long column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = letters < 4 ? column * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1) : long.MaxValue;
            letters++;
        }

        return (column, letters == reference.Length ? 1 : Number(reference[letters..]));
    }

    private static long Number(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : long.MaxValue;

    private static string Shortened(string reference) => reference.Length <= 24 ? reference : reference[..24] + "…";

    /// <summary>
    /// Whatever MiniExcel or the zip reader throw while reading a workbook: the workbook is the only input they have, and
    /// a broken one (a part missing, a relationship pointing nowhere) can make them fail in any way, down to a null
    /// reference. Only the app's own refusals and running out of memory or time are not the file's fault.
    /// </summary>
    private static bool IsBroken(Exception ex) => ex is not (ExportRejectedException or OutOfMemoryException or OperationCanceledException);

    /// <summary>The reader's own words where they describe the file; else what such a failure means.</summary>
    private static string Problem(Exception ex) => ex is InvalidDataException or System.Xml.XmlException or FormatException or KeyNotFoundException
        ? ex.Message
        : "a part it needs is missing or broken (it was not saved by a spreadsheet program, or was damaged since).";

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
