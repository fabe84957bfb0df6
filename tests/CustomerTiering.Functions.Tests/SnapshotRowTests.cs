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

    [Fact]
    public void Every_cell_sits_under_its_own_header_credit_and_forecast_included()
    {
        var row = new SnapshotRow
        {
            CustomerId = "C1", Tier = "VIP", CreditGrade = "D", AliveProbability = 0.25, ExpectedPurchases = 1.5, ExpectedRevenue = 1234.56m, ChurnRisk = "High",
            LastOrderDate = "2026-10-01", Reasons = "Credit;Forecast",
        };

        var cells = row.ToCsvLine().Split(',');
        var header = SnapshotRow.CsvHeader.Split(',');
        string Cell(string column) => cells[Array.IndexOf(header, column)];

        Assert.Equal("D", Cell("CreditGrade"));
        Assert.Equal("0.25", Cell("AliveProbability"));
        Assert.Equal("1.5", Cell("ExpectedPurchases"));
        Assert.Equal("1234.56", Cell("ExpectedRevenue"));
        Assert.Equal("High", Cell("ChurnRisk"));
        Assert.Equal("2026-10-01", Cell("LastOrderDate"));
        Assert.Equal("Credit;Forecast", Cell("Reasons"));
        Assert.Equal("", new SnapshotRow { CustomerId = "C2" }.ToCsvLine().Split(',')[Array.IndexOf(header, "ExpectedRevenue")]);
    }
}
