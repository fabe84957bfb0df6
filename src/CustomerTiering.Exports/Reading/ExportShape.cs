namespace CustomerTiering.Exports.Reading;

/// <summary>How a file was found to be written: its format, whether it was gzipped, its text encoding and CSV delimiter.</summary>
public sealed record ExportShape(ExportFormat Format, bool Gzipped, string? Encoding, char? Delimiter)
{
    /// <summary>The delimiter of a CSV header line: whichever of , ; tab | occurs most outside quotes (',' on a tie or none).</summary>
    public static char DelimiterOf(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        Span<int> counts = stackalloc int[4];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Candidates.IndexOf(c) is var i and >= 0)
            {
                counts[i]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Candidates[best];
    }

    private const string Candidates = ",;\t|";
}
