using System.Globalization;
using System.Text;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>
/// The documents the fuzzer starts from: exports of every kind whose headers the app knows, with cells drawn from values
/// that have broken readers and parsers before (quotes, delimiters and line breaks in cells, formulas, traversals,
/// numbers and dates in every shape, control characters, characters outside the BMP, huge cells).
/// </summary>
public static class HostileDocuments
{
    /// <summary>Each kind's folder and header, in the names ingestion knows.</summary>
    public static readonly (string Folder, string[] Columns)[] Kinds =
    [
        ("orders", ["Order ID", "Customer ID", "Order Date", "Amount", "Category"]),
        ("customers", ["Customer ID", "Name", "Type", "Region", "Owner"]),
        ("invoices", ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Paid Date", "Amount Paid"]),
        ("orders", ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"]),
        ("orders", ["订单编号", "买家会员名", "买家实际支付金额", "订单创建时间", "订单状态"]),
    ];

    private static readonly string[] Cells =
    [
        "", " ", "O1", "C1", "C1 ", "c1", "12.50", "-12.50", "0", "1e308", "-1e-308", "NaN", "Infinity", "12,50", "1.234.567,89",
        "\"50,000\"", "¥1,280.00", "1280元", "(12.00)", "１２３", "2026-10-01", "2026-13-45", "31/02/2026", "10/11/12", "2026年3月15日",
        "0000-00-00", "99999-01-01", "2026-10-01T25:61:00", "45123", "=1+1", "=cmd|' /C calc'!A0", "+SUM(A1)", "@x", "-2+3",
        "../../etc/passwd", "..\\..\\boot.ini", "C:\\x", "%2e%2e%2f", "\"", "\"\"", "a\"b", "a,b", "a;b", "a\tb", "a\nb", "a\r\nb",
        "\r", "\u0000", "\u001b[31m", "\u00e4", "张三", "😀", "\ud800", "\ufeff", "\u202eevil", "<script>", "null", "true", "[]", "{}",
    ];

    public static (string Folder, string[] Columns) Kind(Random random) => Kinds[random.Next(Kinds.Length)];

    /// <summary>A cell's text: mostly a hostile value, sometimes a plain one, now and then a long run, rarely one past the record bound.</summary>
    public static string Cell(Random random) => random.Next(400) switch
    {
        0 => new string((char)random.Next(0x20, 0x7f), random.Next(1_000, 20_000)),
        1 when random.Next(10) == 0 => new string('x', 1024 * 1024 + random.Next(1, 4096)),
        < 200 => Cells[random.Next(Cells.Length)],
        _ => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + random.Next(26))}{random.Next(100_000)}"),
    };

    public static string Csv(Random random, string[] columns, char delimiter)
    {
        var text = new StringBuilder();
        AppendCsvLine(text, columns, delimiter);
        var rows = random.Next(0, 40);
        for (var r = 0; r < rows; r++)
        {
            var width = random.Next(10) == 0 ? random.Next(0, columns.Length * 2 + 2) : columns.Length;
            AppendCsvLine(text, [.. Enumerable.Range(0, width).Select(_ => Cell(random))], delimiter, random);
        }

        return text.ToString();
    }

    public static string JsonLines(Random random, string[] columns)
    {
        var text = new StringBuilder();
        var rows = random.Next(0, 40);
        for (var r = 0; r < rows; r++)
        {
            text.Append('{');
            var keys = random.Next(10) == 0 ? [.. columns.Take(random.Next(columns.Length)), Cell(random)] : columns;
            text.AppendJoin(',', keys.Select(k => $"{JsonString(k)}:{JsonValue(random)}"));
            text.Append(random.Next(20) == 0 ? "" : "}");
            text.Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private static string JsonValue(Random random) => random.Next(12) switch
    {
        0 => "null",
        1 => "true",
        2 => random.Next(-1_000_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
        3 => "1e999",
        4 => "[" + JsonString(Cell(random)) + ",{\"a\":[1,2]}]",
        5 => new string('[', random.Next(1, 5_000)) + new string(']', random.Next(0, 5_000)),
        6 => "{\"nested\":" + JsonString(Cell(random)) + "}",
        _ => JsonString(Cell(random)),
    };

    private static string JsonString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static void AppendCsvLine(StringBuilder text, string[] cells, char delimiter, Random? random = null)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(delimiter);
            }

            var cell = cells[i];
            // Quoted as a spreadsheet would, or left bare (and so broken) now and then.
            var quoted = cell.AsSpan().IndexOfAny(['"', delimiter, '\n', '\r']) >= 0 && random?.Next(6) != 0;
            text.Append(quoted ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append(random?.Next(8) switch { 0 => "\r\n", 1 => "\r", _ => "\n" } ?? "\n");
    }
}
