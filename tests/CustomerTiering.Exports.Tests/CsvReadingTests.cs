using System.Text;
using CustomerTiering.Exports.Reading;
using Xunit;

namespace CustomerTiering.Exports.Tests;

public sealed class CsvReadingTests
{
    private const string Header = "Order ID,Customer ID,Order Date,Amount,Category\n";

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void The_delimiter_is_detected(char delimiter)
    {
        var text = $"Order ID{delimiter}Customer ID{delimiter}Order Date{delimiter}Amount\nO1{delimiter}C1{delimiter}2026-10-01{delimiter}10.50\n";

        var order = Assert.Single(Export.Read(text).Rows.Orders());

        Assert.Equal(10.50m, order.Order.NetAmount);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_newlines_and_doubled_quotes()
    {
        var text = Header + "O1,C1,2026-10-01,\"1,234.50\",\"Tea, \"\"green\"\"\nand black\"\n";

        var order = Assert.Single(Export.Read(text).Rows.Orders()).Order;

        Assert.Equal(1234.50m, order.NetAmount);
        Assert.Equal("Tea, \"green\"\nand black", order.Category);
    }

    [Fact]
    public void Utf8_with_a_BOM_reads_its_first_header()
    {
        var (kind, rows) = Export.Read(Export.Bytes(Header + "O1,C1,2026-10-01,5,x\n", bom: true));

        Assert.Equal(ExportKind.Orders, kind);
        Assert.Single(rows.Orders());
    }

    [Fact]
    public void Utf16_with_a_BOM_is_read()
    {
        var order = Assert.Single(Export.Read(Export.Bytes(Header + "O1,客户1,2026-10-01,5,茶\n", Encoding.Unicode, bom: true)).Rows.Orders()).Order;

        Assert.Equal("客户1", order.CustomerId.Value);
        Assert.Equal("茶", order.Category);
    }

    [Fact]
    public void GB18030_text_with_Chinese_headers_is_read()
    {
        var text = "订单号,客户编号,订单日期,金额,品类\nO1,客户-001,2026-10-01,\"¥1,280.00\",绿茶\n";

        var order = Assert.Single(Export.Read(Export.Bytes(text, TextEncodingDetector.Gb18030)).Rows.Orders()).Order;

        Assert.Equal("客户-001", order.CustomerId.Value);
        Assert.Equal(1280m, order.NetAmount);
        Assert.Equal("绿茶", order.Category);
    }

    [Fact]
    public void A_gzipped_csv_is_read()
    {
        var order = Assert.Single(Export.Read(Export.Gzip(Export.Bytes(Header + "O1,C1,2026-10-01,7,x\n")), "orders/export.csv.gz").Rows.Orders());

        Assert.Equal(7m, order.Order.NetAmount);
    }

    [Fact]
    public void A_gzip_that_expands_beyond_the_cap_is_rejected()
    {
        var bomb = Export.Gzip(Export.Bytes(Header + string.Concat(Enumerable.Repeat("O1,C1,2026-10-01,7,x\n", 100_000))));
        var limits = new ExportLimits { MaxExpandedBytes = 100_000 };

        var error = Assert.Throws<ExportRejectedException>(() => Export.Read(bomb, "orders/bomb.csv.gz", limits: limits));

        Assert.Contains("expanded .gz is larger than", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_rejected(string text)
    {
        var error = Assert.Throws<ExportRejectedException>(() => Export.Read(text));

        Assert.Contains("empty", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_header_only_file_reads_no_rows()
    {
        Assert.Empty(Export.Read(Header).Rows);
    }

    [Fact]
    public void Binary_junk_is_rejected_with_a_reason()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[0] = 0x00;

        Assert.Throws<ExportRejectedException>(() => Export.Read(junk));
    }

    [Fact]
    public void A_field_of_megabytes_rejects_the_file_naming_the_row()
    {
        var text = Header + "O1,C1,2026-10-01,5,x\nO2,C1,2026-10-01,5,\"" + new string('x', 2 * 1024 * 1024) + "\"\n";

        var error = Assert.Throws<ExportRejectedException>(() => Export.Read(text));

        Assert.Contains("Row 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("O1,C1,2026-10-01,5,x\nO2,\"C2\"x,2026-10-01,5,y\n", "Row 3")]
    [InlineData("O1,C1,2026-10-01,5,x\nO2,C2,2026-10-01,5,\"never closed\n", "Row 3")]
    public void A_malformed_quoted_field_rejects_the_file_naming_the_row(string rows, string named)
    {
        // Sylvan's CsvFormatException went through as an unexpected error (found by the fuzz suite).
        var error = Assert.Throws<ExportRejectedException>(() => Export.Read(Header + rows));

        Assert.StartsWith(named + " is not valid CSV", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be doubled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_columns_are_rejected()
    {
        var header = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"c{i}"));

        var error = Assert.Throws<ExportRejectedException>(() => Export.Read(header + "\n1\n"));

        Assert.Contains("5000 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_after_the_sample_is_reported_per_row_not_silently_garbled()
    {
        var good = Export.Bytes(Header + string.Concat(Enumerable.Range(0, 5000).Select(i => $"O{i},C{i},2026-10-01,5,tea\n")));
        byte[] bad = [.. Export.Bytes("O-bad,C"), 0xC3, 0x28, .. Export.Bytes(",2026-10-01,5,tea\n")];

        var rows = Export.Read([.. good, .. bad]).Rows;

        var error = Assert.Single(rows.Errors());
        Assert.Equal("Customer ID", error.Column);
        Assert.Contains("not valid in the file's encoding", error.Reason, StringComparison.Ordinal);
    }
}
