namespace CustomerTiering.Exports;

/// <summary>Bounds that keep a hostile or broken file from taking the app down.</summary>
public sealed record ExportLimits
{
    /// <summary>A .gz that expands beyond this is rejected (a few kilobytes can expand to gigabytes).</summary>
    public long MaxExpandedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>A single record (row) longer than this is rejected: no export has megabyte fields.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    public int MaxColumns { get; init; } = 500;

    /// <summary>
    /// A workbook part (a sheet, the shared strings, the styles) that expands beyond this is rejected before any is read:
    /// a million-row sheet is a few hundred MB of XML, and a 6 MB workbook can hold one of gigabytes.
    /// </summary>
    public long MaxWorkbookPartBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>A workbook part over 1 MB that expands more than this many times its compressed size is rejected (real sheets stay under 30).</summary>
    public int MaxWorkbookCompressionRatio { get; init; } = 100;

    /// <summary>Rows of a sheet read at most: Excel's own limit, so a sheet with more was not made by it.</summary>
    public int MaxSheetRows { get; init; } = 1_048_576;

    /// <summary>Invoices held at once while order lines are folded into orders.</summary>
    public int MaxOpenInvoices { get; init; } = 2_000_000;

    /// <summary>Rejected rows kept in full in the report; the rest are counted and written to the rejected-rows CSV.</summary>
    public int MaxErrorsInReport { get; init; } = 100;

    public static ExportLimits Default { get; } = new();
}
