using CustomerTiering.Exports.Records;
using FsCheck.Xunit;
using Sylvan.Data.Csv;

namespace CustomerTiering.Exports.Tests;

public sealed class CsvCellProperties
{
    private static readonly char[] Awkward = [',', '"', '\n', '\r', '\t', '=', '+', '-', '@', '\'', ' ', '张', 'é', 'a', '0'];

    [Property(MaxTest = 300)]
    public bool A_row_of_cells_reads_back_with_the_csv_library_as_written_formulas_defused(int seed, byte count)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count % 6 + 1)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => Awkward[random.Next(Awkward.Length)])]))
            .ToList();

        // A first cell of its own, so that a row of one empty value is still a row.
        var line = "row," + string.Join(',', values.Select(RejectedRowsCsv.Cell));
        using var csv = CsvDataReader.Create(new StringReader(line + "\n"), new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        if (!csv.Read() || csv.RowFieldCount != values.Count + 1)
        {
            return false;
        }

        return values.Select((value, i) => csv.GetString(i + 1) == (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value)).All(same => same);
    }
}
