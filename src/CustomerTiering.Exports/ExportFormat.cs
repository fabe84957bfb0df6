namespace CustomerTiering.Exports;

/// <summary>How an export is written.</summary>
public enum ExportFormat
{
    Csv,
    CsvGzip,
    JsonLines,
    Xlsx,
}
