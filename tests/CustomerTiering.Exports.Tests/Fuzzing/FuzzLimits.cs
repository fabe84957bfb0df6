namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>What every fuzzed input must stay within, and the app's bounds it is read with.</summary>
public static class FuzzLimits
{
    /// <summary>
    /// The app's own bounds, but for what a file may expand to (8 GiB for a .gz, 1 GiB for a workbook part), lowered so
    /// that an input meant to pass one is refused in milliseconds rather than after gigabytes; the refusal is the same code.
    /// </summary>
    public static ExportLimits Bounds { get; } = ExportLimits.Default with
    {
        MaxExpandedBytes = 4L * 1024 * 1024,
        MaxWorkbookPartBytes = 64L * 1024 * 1024,
    };

    /// <summary>An input not read within this hangs: the largest generated ones read in well under a second.</summary>
    public static TimeSpan PerInput { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Memory a read of one input may hold at its peak. The largest inputs (a few MB, a gzip expanding to the 32 MB bound,
    /// a workbook of 64 MB parts) hold tens of MB; the bound is far above that and far below an instance's memory.
    /// </summary>
    public const long MaxHeldBytes = 1024L * 1024 * 1024;
}
