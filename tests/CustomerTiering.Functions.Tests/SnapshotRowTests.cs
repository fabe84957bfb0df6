using CustomerTiering.Functions.Regrading;
using Xunit;

namespace CustomerTiering.Functions.Tests;

public sealed class SnapshotRowTests
{
    [Fact]
    public void Numbers_stay_numbers_and_text_that_looks_like_a_formula_is_defused()
    {
        var row = new SnapshotRow { CustomerId = "C1", Name = "=HYPERLINK(\"x\")", Tier = "D", NetRevenue = -12.5m, ValueScore = 3.25, Reasons = "NoRevenue;Monetary" };

        var cells = row.ToCsvLine();

        Assert.Contains(",-12.5,", cells, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", cells, StringComparison.Ordinal);
        Assert.Equal(SnapshotRow.CsvHeader.Split(',').Length, cells.Split(',').Length);
    }
}
