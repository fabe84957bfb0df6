using System.Globalization;
using System.Text.Json;

namespace CustomerTiering.Exports.Reading;

/// <summary>JSON Lines: one object per line; the first object's keys are the header, later objects are read by key.</summary>
public sealed class JsonLinesRowReader : IRowReader
{
    private readonly TextReader _text;
    private readonly Dictionary<string, int> _columns;
    private readonly string?[] _fields;
    private readonly ExportLimits _limits;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly System.Text.StringBuilder _line = new();
    private int _start;
    private int _end;
    private string? _pending;
    private long _row;

    public JsonLinesRowReader(TextReader text, ExportLimits limits, ExportShape shape)
    {
        Shape = shape;
        _text = text;
        _limits = limits;
        string? first;
        do
        {
            first = ReadLine();
            _row++;
        }
        while (first is not null && string.IsNullOrWhiteSpace(first));

        if (first is null)
        {
            throw new ExportRejectedException("The file is empty.");
        }

        try
        {
            using var document = JsonDocument.Parse(first);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ExportRejectedException("The first line is not a JSON object.");
            }

            Header = [.. document.RootElement.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal)];
        }
        catch (JsonException ex)
        {
            throw new ExportRejectedException($"The first line is not JSON: {ex.Message}");
        }

        if (Header.Count > limits.MaxColumns)
        {
            throw new ExportRejectedException($"The first object has {Header.Count} keys; at most {limits.MaxColumns} are read.");
        }

        _columns = Header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _fields = new string?[Header.Count];
        _pending = first;
        _row--; // the first object is a record too: Read() counts it
    }

    public ExportShape Shape { get; }

    public IReadOnlyList<string> Header { get; }

    public long Row => _row;

    public string? RowProblem { get; private set; }

    public bool Read()
    {
        while (true)
        {
            var line = _pending ?? ReadLine();
            _pending = null;
            if (line is null)
            {
                return false;
            }

            _row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Parse(line);
            _unreadableInARow = RowProblem is null ? 0 : _unreadableInARow + 1;
            if (_unreadableInARow == MaxUnreadableInARow)
            {
                throw new ExportRejectedException(
                    $"Lines {_row - MaxUnreadableInARow + 1:N0} to {_row:N0} are, all {MaxUnreadableInARow:N0} of them, no JSON object: this is not a JSON Lines export, or it is damaged throughout.");
            }

            return true;
        }
    }

    /// <summary>
    /// Unreadable lines in a row that reject the file at once. Each costs the JSON parser's exception, and a small gzip of
    /// one broken line repeated expands to millions of them: without this, ingesting it would take hours to reject it.
    /// </summary>
    private const int MaxUnreadableInARow = 1_000;

    private int _unreadableInARow;

    public ReadOnlySpan<char> Field(int column) => _fields[column];

    public void Dispose() => _text.Dispose();

    private void Parse(string line)
    {
        Array.Clear(_fields);
        RowProblem = null;
        // A line that cannot open an object is told so without the parser: its exception costs some 20 µs, and a small
        // gzip of a repeated CSV line expands to millions of such lines.
        if (!line.AsSpan().TrimStart().StartsWith('{'))
        {
            RowProblem = "the line is not a JSON object";
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                RowProblem = "the line is not a JSON object";
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (_columns.TryGetValue(property.Name, out var column))
                {
                    _fields[column] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        JsonValueKind.Null => null,
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }
        catch (JsonException ex)
        {
            RowProblem = "the line is not valid JSON: " + ex.Message.Split(" Path:", 2)[0];
        }
    }

    /// <summary>
    /// The next line, without its line break; null at the end. Read a buffer at a time and refused as soon as it passes
    /// <see cref="ExportLimits.MaxRecordBytes"/>: a file of one endless line never sits whole in memory.
    /// </summary>
    private string? ReadLine()
    {
        _line.Clear();
        while (true)
        {
            if (_start == _end)
            {
                (_start, _end) = (0, _text.Read(_buffer, 0, _buffer.Length));
                if (_end == 0)
                {
                    return _line.Length > 0 ? _line.ToString() : null;
                }
            }

            var rest = _buffer.AsSpan(_start, _end - _start);
            var newline = rest.IndexOf('\n');
            var piece = newline < 0 ? rest : rest[..newline];
            if (_line.Length + piece.Length > _limits.MaxRecordBytes)
            {
                throw new ExportRejectedException(string.Create(CultureInfo.InvariantCulture, $"Line {_row + 1} is longer than {_limits.MaxRecordBytes / 1024} KB."));
            }

            _line.Append(piece);
            _start += newline < 0 ? rest.Length : newline + 1;
            if (newline >= 0)
            {
                return _line.Length > 0 && _line[^1] == '\r' ? _line.ToString(0, _line.Length - 1) : _line.ToString();
            }
        }
    }
}
