using System.Globalization;
using System.Text;
using CustomerTiering.Exports.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// A list as a file to download, CSV or XLSX, every row of it, streamed: rows are read a page at a time while the file
/// is written, so memory does not grow with the list. Text cells that a spreadsheet would take for a formula (starting
/// with = + - @, a tab or a CR) are prefixed with an apostrophe, as in the rejected-rows CSV. The format comes from
/// <c>format=</c>, else from <c>Accept</c>.
/// </summary>
public static class SpreadsheetDownload
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The format asked for: the query's, else the first spreadsheet type <c>Accept</c> names, else JSON.</summary>
    public static ListFormat FormatOf(HttpRequest request, ListFormat? asked)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (asked is { } format)
        {
            return format;
        }

        foreach (var type in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase))
            {
                return ListFormat.Csv;
            }

            if (type.MediaType.Equals(XlsxType, StringComparison.OrdinalIgnoreCase))
            {
                return ListFormat.Xlsx;
            }
        }

        return ListFormat.Json;
    }

    /// <param name="format">CSV or XLSX.</param>
    /// <param name="name">The file's name without extension.</param>
    /// <param name="header">The columns.</param>
    /// <param name="rows">The rows, each a cell per column: text, a number, a day, a flag, or null.</param>
    public static PushStreamHttpResult Create(ListFormat format, string name, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows) => format switch
    {
        ListFormat.Csv => TypedResults.Stream(body => WriteCsvAsync(body, header, rows), $"{CsvType}; charset=utf-8", $"{name}.csv"),
        ListFormat.Xlsx => TypedResults.Stream(body => WriteXlsxAsync(body, header, rows), XlsxType, $"{name}.xlsx"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A download is CSV or XLSX."),
    };

    public static async Task WriteCsvAsync(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        // A BOM, so that Excel opens the UTF-8 (Chinese names) as such.
        await using var writer = new StreamWriter(body, RejectedRowsCsv.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', header.Select(RejectedRowsCsv.Cell)) + "\n");
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? "" : ",").Append(Text(row[i]) is { } text ? RejectedRowsCsv.Cell(text) : "");
            }

            await writer.WriteAsync(line.Append('\n'), cancellationToken);
        }
    }

    /// <remarks>
    /// MiniExcel writes a workbook with synchronous writes and a zip directory at the end, so it writes to a temporary
    /// file (deleted when closed), which is then copied to the response: memory stays at a page of rows.
    /// </remarks>
    public static async Task WriteXlsxAsync(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await Task.Run(() => MiniExcel.SaveAs(file, Cells(header, rows, cancellationToken), excelType: ExcelType.XLSX), cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(body, cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object?>> Cells(IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.ToBlockingEnumerable(cancellationToken))
        {
            var cells = new Dictionary<string, object?>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = row[i] switch
                {
                    string text => RejectedRowsCsv.Guard(text),
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var value => value,
                };
            }

            yield return cells;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
