using CustomerTiering.Exports.Records;
using CustomerTiering.Functions.Privacy;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage.Privacy;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The one rule of what a line is about, for subject access and erasure alike.</summary>
public sealed class PersonalDataMatchTests
{
    private static readonly PersonalDataMatch Match = new(new ErasureSubjects(["C1", "=C2", "A,B"], ["Wang Fang"]));

    [Theory]
    [InlineData("C1", true)]
    [InlineData("C10", false)]
    [InlineData("=C2", true)]
    [InlineData("A,B", true)]
    [InlineData("A", false)]
    public void A_snapshot_line_is_theirs_by_its_first_cell_as_the_snapshot_writes_it(string customerId, bool theirs) =>
        Assert.Equal(theirs, Match.IsSnapshotLine(new SnapshotRow { CustomerId = customerId, Name = "C1 lookalike" }.ToCsvLine()));

    [Fact]
    public void A_report_line_is_theirs_by_its_row_or_by_their_id_or_name_in_its_text()
    {
        var rows = new HashSet<long> { 7 };

        Assert.True(Match.IsReportLine("7,Amount,lots,not a number", rows));
        Assert.True(Match.IsReportLine("9,Name,WANG FANG ,too long", rows));
        Assert.False(Match.IsReportLine("9,Amount,lots,not a number", rows));
        Assert.False(Match.IsReportLine("row,column,value,reason", rows));
        Assert.True(Match.IsReportError(new RowError(7, "Amount", "-1", "negative"), rows));
        Assert.False(Match.IsReportError(new RowError(8, "Amount", "-1", "negative"), rows));
    }
}
