namespace CustomerTiering.Exports.Reading;

/// <summary>Rows of an export, whatever its format: a header, then records read one at a time.</summary>
public interface IRowReader : IDisposable
{
    /// <summary>How the file is written: format, encoding, delimiter.</summary>
    ExportShape Shape { get; }

    IReadOnlyList<string> Header { get; }

    /// <summary>The current record's row in the file, the header being row 1.</summary>
    long Row { get; }

    /// <summary>Why the current record could not be split into fields (a malformed JSON line), or null.</summary>
    string? RowProblem { get; }

    bool Read();

    /// <summary>The field under header column <paramref name="column"/>; empty when the record is shorter.</summary>
    ReadOnlySpan<char> Field(int column);
}
