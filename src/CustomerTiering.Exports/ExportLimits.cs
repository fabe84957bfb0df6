namespace CustomerTiering.Exports;

/// <summary>Bounds that keep a hostile or broken file from taking the app down.</summary>
public sealed record ExportLimits
{
    /// <summary>A .gz that expands beyond this is rejected (a few kilobytes can expand to gigabytes).</summary>
    public long MaxExpandedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>A single record (row) longer than this is rejected: no export has megabyte fields.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    public int MaxColumns { get; init; } = 500;

    /// <summary>Invoices held at once while order lines are folded into orders.</summary>
    public int MaxOpenInvoices { get; init; } = 2_000_000;

    /// <summary>Rejected rows kept in full in the report; the rest are counted and written to the rejected-rows CSV.</summary>
    public int MaxErrorsInReport { get; init; } = 100;

    public static ExportLimits Default { get; } = new();
}
