using System.IO.Compression;
using CustomerTiering.Exports.Reading;
using MiniExcelLibs;
using Xunit;

namespace CustomerTiering.Exports.Tests;

public sealed class OtherFormatTests
{
    [Fact]
    public void Json_lines_are_read_by_key_and_a_broken_line_is_a_row_error()
    {
        var text = """
            {"order_id":"O1","customer_id":"C1","order_date":"2026-10-01","amount":12.5,"category":"Tea"}
            {"amount":"7","order_date":"2026-10-02","customer_id":"C2","order_id":"O2"}
            {"order_id":"O3",
            {"order_id":"O4","customer_id":"C4","order_date":"2026-10-03","amount":1}
            """;

        var rows = Export.Read(text, "orders/feed.jsonl").Rows;

        Assert.Equal(["O1", "O2", "O4"], rows.Orders().Select(o => o.Order.OrderId));
        Assert.Equal(7m, rows.Orders()[1].Order.NetAmount);
        var error = Assert.Single(rows.Errors());
        Assert.Equal(3, error.Row);
        Assert.StartsWith("the line is not valid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_unreadable_lines_in_a_row_reject_the_file_at_once_and_fewer_are_row_errors()
    {
        const string good = "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"order_date\":\"2026-10-01\",\"amount\":5}\n";
        var broken = string.Concat(Enumerable.Repeat("{\"order_id\":\n", 999));

        var rows = Export.Read(good + broken + good, "orders/feed.jsonl").Rows;
        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(good + broken + "{\n" + string.Concat(Enumerable.Repeat("O2,C2,2026-10-01,5\n", 100_000)), "orders/feed.jsonl"));

        Assert.Equal(999, rows.Errors().Count);
        Assert.StartsWith("Lines 2 to 1,001 are, all 1,000 of them, no JSON object", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_sheet_of_a_workbook_is_read_with_dates_and_numbers_as_cells()
    {
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new[]
        {
            new Dictionary<string, object> { ["订单号"] = "O1", ["客户编号"] = "C1", ["订单日期"] = new DateTime(2026, 10, 3), ["金额"] = 1280.5 },
            new Dictionary<string, object> { ["订单号"] = "O2", ["客户编号"] = "C2", ["订单日期"] = new DateTime(2026, 10, 4), ["金额"] = -20 },
        }, excelType: ExcelType.XLSX);

        var orders = Export.Read(workbook.ToArray(), "orders/book.xlsx").Rows.Orders();

        Assert.Equal([1280.5m, -20m], orders.Select(o => o.Order.NetAmount));
        Assert.Equal(new DateOnly(2026, 10, 3), orders[0].Order.Date);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_and_a_corrupt_workbook_are_rejected()
    {
        Assert.Throws<ExportRejectedException>(() => Export.Read([(byte)'P', (byte)'K', 3, 4, 0, 0, 0], "orders/archive.zip"));
        Assert.Throws<ExportRejectedException>(() => Export.Read([(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8], "orders/book.xlsx"));
    }

    [Fact]
    public void A_json_line_of_megabytes_rejects_the_file_naming_the_line_and_crlf_lines_read_as_lines()
    {
        var endless = "{\"Order ID\":\"O1\",\"Customer ID\":\"C1\",\"Order Date\":\"2026-10-01\",\"Amount\":5}\n{\"Order ID\":\"" + new string('x', 2 * 1024 * 1024);
        const string crlf = "{\"Order ID\":\"O1\",\"Customer ID\":\"C1\",\"Order Date\":\"2026-10-01\",\"Amount\":5}\r\n\r\n{\"Order ID\":\"O2\",\"Customer ID\":\"C2\",\"Order Date\":\"2026-10-02\",\"Amount\":7}";

        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(endless, "orders/feed.jsonl"));
        // A line that never ends is refused at the bound, not read to its end first.
        using var never = new StreamReader(new EndlessStream("{\"Order ID\":\""u8.ToArray(), (byte)'x'));
        var refused = Assert.Throws<ExportRejectedException>(() => new JsonLinesRowReader(never, ExportLimits.Default, new ExportShape(ExportFormat.JsonLines, false, "utf-8", null)));

        Assert.Contains("Line 2 is longer than 1024 KB", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("Line 1 is longer than 1024 KB", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["O1", "O2"], Export.Read(crlf, "orders/feed.jsonl").Rows.Orders().Select(o => o.Order.OrderId));
    }

    [Fact]
    public void A_workbook_whose_sheet_expands_far_beyond_its_size_is_rejected_before_it_is_read()
    {
        // A real workbook whose sheet is replaced by 40 MB of the same row: a few hundred KB compressed.
        var workbook = Workbook(2);
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            sheet.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= 400_000; r++)
            {
                sheet.Write("<row><c t=\"inlineStr\"><is><t>O1</t></is></c><c t=\"inlineStr\"><is><t>C1</t></is></c></row>");
            }

            sheet.Write("</sheetData></worksheet>");
        }

        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(workbook.ToArray(), "orders/bomb.xlsx"));

        Assert.Contains("xl/worksheets/sheet1.xml expands", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("MaxWorkbookCompressionRatio", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_is_read_to_its_row_limit_and_rejected_past_it()
    {
        var limits = ExportLimits.Default with { MaxSheetRows = 3 };

        Assert.Equal(2, Export.Read(Workbook(2).ToArray(), "orders/book.xlsx", limits: limits).Rows.Orders().Count);
        // Rows that say their number are refused before the sheet is read; rows that do not, when the reading gets there.
        var numbered = Assert.Throws<ExportRejectedException>(() => Export.Read(Workbook(3).ToArray(), "orders/book.xlsx", limits: limits));
        var unnumbered = Assert.Throws<ExportRejectedException>(() => Export.Read(
            WithSheet(Workbook(1), Row("Order ID", "Customer ID", "Order Date", "Amount") + string.Concat(Enumerable.Range(1, 4).Select(i => Row($"O{i}", "C1", "2026-10-01", "5")))), "orders/book.xlsx", limits: limits));
        Assert.Contains("refers to row 4, past Excel's last row (3)", numbered.Message, StringComparison.Ordinal);
        Assert.Contains("more than 3 rows", unnumbered.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"99999999\"><c r=\"A99999999\"><v>1</v></c></row>", "A1:A1", "row 99999999")]
    [InlineData("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>", "A1:A1", "cell XFE2")]
    [InlineData("<row r=\"2\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA2\"><v>1</v></c></row>", "A1:A1", "cell AAAAAAAAAAAAAAAAAAAAAAAA…")]
    [InlineData("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", "A1:AAAAAAA99999999", "dimension A1:AAAAAAA99999999")]
    [InlineData("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", "A1:ZZZZ5", "dimension A1:ZZZZ5")]
    public void A_sheet_referring_past_excels_last_row_or_column_is_rejected_before_it_is_read(string row, string dimension, string named)
    {
        // A few bytes naming row 99 999 999 kept the sheet's reader filling rows for seconds and gigabytes.
        var workbook = WithSheet(Workbook(1), $"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Order ID</t></is></c></row>{row}", dimension: dimension);

        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(workbook, "orders/far.xlsx"));

        Assert.Contains(named, rejected.Message, StringComparison.Ordinal);
        Assert.Contains("past Excel's last row", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_with_a_dtd_is_rejected_and_its_entities_never_expanded()
    {
        var workbook = WithSheet(Workbook(1), "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>",
            "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>");

        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(workbook, "orders/dtd.xlsx"));

        Assert.Contains("DTD", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_corrupt_past_its_first_bytes_is_rejected_not_failed()
    {
        // The corruption is found while rows are read, long after the format was told from the first 64 KB.
        var text = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"O{i},C{i % 97},2026-10-01,{i % 500}.25\n"));
        var gzip = Export.Gzip(Export.Bytes(text));
        for (var at = gzip.Length * 3 / 4; at < gzip.Length * 3 / 4 + 64; at++)
        {
            gzip[at] = 0xFF;
        }

        var rejected = Assert.Throws<ExportRejectedException>(() => Export.Read(gzip, "orders/damaged.csv.gz"));

        Assert.StartsWith("The .gz file is corrupt", rejected.Message, StringComparison.Ordinal);
    }

    /// <summary>A row of text cells that does not say its number, as some writers leave it.</summary>
    private static string Row(params string[] cells) => "<row>" + string.Concat(cells.Select(c => $"<c t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";

    /// <summary>The workbook with its first sheet's rows replaced, a declaration before its root and its extent if given.</summary>
    private static byte[] WithSheet(MemoryStream workbook, string rows, string declaration = "", string? dimension = null)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            sheet.Write($"<?xml version=\"1.0\"?>{declaration}<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{rows}</sheetData></worksheet>");
        }

        return workbook.ToArray();
    }

    private static MemoryStream Workbook(int orders)
    {
        var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, Enumerable.Range(1, orders).Select(i =>
            new Dictionary<string, object> { ["Order ID"] = $"O{i}", ["Customer ID"] = "C1", ["Order Date"] = new DateTime(2026, 10, 3), ["Amount"] = 10.5 }), excelType: ExcelType.XLSX);
        workbook.Position = 0;
        return workbook;
    }

    /// <summary>A start, then the same byte for ever.</summary>
    private sealed class EndlessStream(byte[] start, byte filler) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[offset + i] = _position < start.Length ? start[_position] : filler;
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
