using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Records;
using Xunit;

namespace CustomerTiering.Exports.Tests;

/// <summary>The preview on the cut samples it gets: a text file or a gzip ending mid-row, a workbook too large to read whole, a file that cannot be read.</summary>
public sealed class ExportPreviewTests
{
    private static readonly string Orders = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"O{i},C{i % 70},2026-10-{1 + (i % 28):00},{i}.50\n"));

    private static PreviewResult Preview(byte[] head, bool complete, string name) =>
        ExportPreview.Run(head, complete, name, MappingProfile.BuiltIn, ExportKind.Orders, requested: null, maxRejectedShare: 0.05, ExportLimits.Default);

    [Fact]
    public void A_text_sample_cut_mid_row_is_read_to_its_last_whole_line()
    {
        var bytes = Export.Bytes(Orders);

        var preview = Preview(bytes[..(bytes.Length / 2 + 7)], complete: false, "orders.csv");

        Assert.Equal((IngestionOutcome.Succeeded, false, 0L), (preview.WouldBe, preview.Complete, preview.Rejected));
        Assert.InRange(preview.Rows, 2000, 2600);
        Assert.Equal(ExportPreview.SampleRows, preview.Sample.Count);
        Assert.All(preview.Sample, r => Assert.Equal(RowOutcome.Accepted, r.Outcome));
    }

    [Fact]
    public void A_gzip_sample_cut_mid_stream_is_expanded_as_far_as_it_goes()
    {
        var gzip = Export.Gzip(Export.Bytes(Orders));

        var preview = Preview(gzip[..(gzip.Length * 2 / 3)], complete: false, "orders.csv.gz");

        Assert.Equal((IngestionOutcome.Succeeded, true, 0L), (preview.WouldBe, preview.Shape!.Gzipped, preview.Rejected));
        Assert.InRange(preview.Rows, 100, 4999);
    }

    [Fact]
    public void A_whole_gzip_that_expands_far_is_previewed_from_its_first_16_MB_only()
    {
        // One header and the same order line 2 million times: 68 MB expanded, a few hundred KB sent.
        var line = Export.Bytes("O1,C1,2026-10-01,10.50\n");
        using var content = new MemoryStream();
        content.Write(Export.Bytes("Order ID,Customer ID,Order Date,Amount\n"));
        for (var i = 0; i < 2_000_000; i++)
        {
            content.Write(line);
        }

        var gzip = Export.Gzip(content.ToArray());

        var preview = Preview(gzip, complete: true, "bomb.csv.gz");
        var whole = Preview(Export.Gzip(Export.Bytes(Orders)), complete: true, "orders.csv.gz");

        Assert.False(preview.Complete);
        Assert.Equal(gzip.Length, preview.BytesRead);
        Assert.InRange(preview.Rows, 1, ExportPreview.MaxExpandedBytes / line.Length);
        Assert.True(whole.Complete);
        Assert.Equal(5000, whole.Rows);
    }

    [Fact]
    public void A_workbook_too_large_to_read_whole_and_an_unreadable_file_are_rejected_with_the_reason()
    {
        var workbook = Preview([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], complete: false, "orders.xlsx");
        var binary = Preview([0, 1, 2, 3, 0, 0, 7], complete: true, "orders.csv");

        Assert.Equal(IngestionOutcome.Rejected, workbook.WouldBe);
        Assert.Contains("workbook", workbook.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestionOutcome.Rejected, binary.WouldBe);
        Assert.Contains("NUL", binary.Reason, StringComparison.Ordinal);
    }
}
