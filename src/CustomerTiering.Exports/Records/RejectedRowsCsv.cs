using System.Text;

namespace CustomerTiering.Exports.Records;

/// <summary>
/// Writes rejected rows as CSV for the uploader to open in a spreadsheet. A value starting with = + - @ or a tab/CR is
/// prefixed with an apostrophe, so a hostile cell cannot run as a formula (CSV injection).
/// </summary>
/// <remarks>
/// Written by hand, not with Sylvan's <c>CsvDataWriter</c>: that writer takes a <c>DbDataReader</c>, the package that
/// streams objects as one (Sylvan.Data) is not among those the project can take, and a <c>DataTable</c> would hold every
/// row of a file (or of a million-customer snapshot) in memory. The quoting below is a few lines; the period snapshot's
/// CSV uses it too, and a property test reads what it writes back with Sylvan's reader.
/// </remarks>
public sealed class RejectedRowsCsv(TextWriter writer) : IDisposable
{
    private bool _headerWritten;

    public void Write(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!_headerWritten)
        {
            writer.Write("row,column,value,reason\n");
            _headerWritten = true;
        }

        writer.Write(Line(error));
        writer.Write('\n');
    }

    public void Dispose() => writer.Dispose();

    /// <summary>The error's line in the file, without its line break.</summary>
    public static string Line(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Join(',', error.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(error.Column), Cell(error.Value), Cell(error.Reason));
    }

    public static string Cell(string value)
    {
        var safe = Guard(value);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>The value, with an apostrophe before it when a spreadsheet would take it for a formula.</summary>
    public static string Guard(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
