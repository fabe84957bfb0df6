using System.IO.Compression;
using System.Text;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;

namespace CustomerTiering.Exports.Tests;

/// <summary>Reads test exports built in memory, end to end through format, encoding, mapping and validation.</summary>
public static class Export
{
    public static byte[] Bytes(string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var body = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public static (ExportKind Kind, List<ParsedRow> Rows) Read(
        byte[] content, string name = "orders/export.csv", MappingProfile? profile = null, ExportKind? expected = null, ExportLimits? limits = null, DateFormat? dateFormat = null)
    {
        limits ??= ExportLimits.Default;
        profile ??= MappingProfile.BuiltIn;
        // As ingestion reads a file: the header and a survey of the first rows, then every row.
        ColumnMap map;
        ColumnConventions conventions;
        using (var survey = ExportReader.Open(new MemoryStream(content), name, limits))
        {
            map = ColumnMap.Resolve(survey.Header, profile, expected);
            conventions = ColumnSurvey.Conventions(survey, map, profile, dateFormat);
        }

        using var reader = ExportReader.Open(new MemoryStream(content), name, limits);
        return (map.Kind, new ExportParser(map, profile, limits, conventions).Parse(reader).ToList());
    }

    public static (ExportKind Kind, List<ParsedRow> Rows) Read(string text, string name = "orders/export.csv", MappingProfile? profile = null, ExportKind? expected = null) =>
        Read(Bytes(text), name, profile, expected);

    public static List<ExportedOrder> Orders(this List<ParsedRow> rows) => [.. rows.Where(r => r.Order is not null).Select(r => r.Order!)];

    public static List<RowError> Errors(this List<ParsedRow> rows) => [.. rows.SelectMany(r => r.Errors)];
}
