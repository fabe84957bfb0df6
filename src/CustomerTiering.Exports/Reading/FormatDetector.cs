namespace CustomerTiering.Exports.Reading;

/// <summary>Tells the format from the first bytes, with the name as a tie-breaker: a renamed file is still read right.</summary>
public static class FormatDetector
{
    public static ExportFormat Detect(string name, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return ExportFormat.CsvGzip;
        }

        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            return name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase)
                ? ExportFormat.Xlsx
                : throw new ExportRejectedException("The file is a zip archive but not an .xlsx workbook: upload the CSV or workbook itself.");
        }

        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return ExportFormat.JsonLines;
        }

        if (name.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw new ExportRejectedException("Legacy .xls workbooks are not read: save the sheet as .xlsx or CSV.");
        }

        // JSON Lines without the extension: the first non-blank byte opens an object.
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{' ? ExportFormat.JsonLines : ExportFormat.Csv;
        }

        return ExportFormat.Csv;
    }
}
