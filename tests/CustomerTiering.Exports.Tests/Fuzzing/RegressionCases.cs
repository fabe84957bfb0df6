namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>
/// Inputs that once broke a reader, kept in Fuzzing/Regressions and read again by every test run. A file's name holds the
/// export name it is read by: <c>orders--Xlsx-4711.xlsx</c> is read as <c>orders/Xlsx-4711.xlsx</c>.
/// </summary>
public static class RegressionCases
{
    private const string FolderMark = "--";

    public static string FileNameOf(string exportName, string label)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        var slash = exportName.IndexOf('/', StringComparison.Ordinal);
        var file = exportName[(slash + 1)..];
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        return exportName[..Math.Max(slash, 0)] + FolderMark + label + (dot < 0 ? "" : file[dot..]);
    }

    public static string ExportNameOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var mark = fileName.IndexOf(FolderMark, StringComparison.Ordinal);
        return mark < 0 ? fileName : fileName[..mark] + "/" + fileName[(mark + FolderMark.Length)..];
    }

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
