namespace CustomerTiering.Exports.Mapping;

/// <summary>
/// What spreadsheets and marketplace reports wrap around ids and numbers to stop Excel reformatting them:
/// <c>="3875…"</c>, a leading <c>'</c>, a leading tab. Removed before an id or a number is read.
/// </summary>
public static class SpreadsheetGuard
{
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length >= 3 && text[0] == '=' && text[1] == '"' && text[^1] == '"')
        {
            return text[2..^1].Trim();
        }

        return text.Length >= 1 && text[0] == '\'' ? text[1..].Trim() : text;
    }
}
