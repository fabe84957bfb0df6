using System.Buffers;
using System.Globalization;

namespace CustomerTiering.Exports.Mapping;

/// <summary>
/// Dates and amounts as exports write them: ISO 8601, the column's surveyed format or the profile's formats; numbers
/// per the profile's culture, currency symbols and spreadsheet guards stripped.
/// </summary>
public sealed class ValueParser(MappingProfile profile, ColumnConventions conventions)
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);
    private const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly SearchValues<char> CurrencyOrSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
            .Where(c => char.IsLetter(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)]);

    private readonly string[] _profileFormats = [.. profile.DateFormats];
    private readonly DateFormat? _columnFormat = conventions.DateFormat is { } format && format != DateFormat.Iso ? format : null;
    private readonly CultureInfo _culture = profile.NumberCulture;

    public ValueParser(MappingProfile profile)
        : this(profile, ColumnConventions.None)
    {
    }

    public bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date, out string? reason)
    {
        text = SpreadsheetGuard.Strip(text);
        if (text.IsEmpty)
        {
            reason = "the date is empty";
            date = default;
            return false;
        }

        // Almost every export writes yyyy-MM-dd: read it directly rather than trying each format in turn.
        if (TryParseIsoDate(text, out date)
            || (_columnFormat is { } column && column.TryRead(text, out date))
            || DateFormat.Iso.TryRead(text, out date))
        {
            return InRange(date, out reason);
        }

        if (_profileFormats.Length > 0 && DateTime.TryParseExact(text, _profileFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return InRange(date, out reason);
        }

        reason = _profileFormats.Length > 0 ? $"not a date in ISO 8601 or {string.Join(", ", _profileFormats)}"
            : conventions.DateFormat is { } surveyed ? $"not a date in {surveyed.Name}, the format of this column's other dates"
            : conventions.DateFormatProblem ?? "not a date in a common format (yyyy-MM-dd, M/d/yyyy, d/M/yyyy, d.M.yyyy, yyyy/M/d, …); ?dateFormat= on the upload or a mapping profile can name one";
        return false;
    }

    private static bool InRange(DateOnly date, out string? reason)
    {
        reason = date < Earliest || date > Latest ? "the date is out of range (1900 to 2100)" : null;
        return reason is null;
    }

    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        static int Digits(ReadOnlySpan<char> s)
        {
            var value = 0;
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return -1;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }

        int year = Digits(text[..4]), month = Digits(text[5..7]), day = Digits(text[8..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Empty, or currency symbols and codes: each word symbols with at most three capital letters (USD, US$, HK$), or 元/人民币/圆.</summary>
    private static bool IsCurrencyMark(ReadOnlySpan<char> text)
    {
        foreach (var range in text.SplitAny(" \t\u00A0\u3000"))
        {
            var word = text[range];
            var letters = 0;
            var isCurrencyWord = word is "元" or "圆" or "人民币" || word.Length == 0;
            foreach (var c in isCurrencyWord ? [] : word)
            {
                if (char.IsAsciiLetterUpper(c))
                {
                    letters++;
                }
                else if (char.GetUnicodeCategory(c) != UnicodeCategory.CurrencySymbol)
                {
                    return false;
                }
            }

            if (letters > 3)
            {
                return false;
            }
        }

        return true;
    }

    public bool TryParseAmount(ReadOnlySpan<char> text, out decimal amount, out string? reason)
    {
        text = SpreadsheetGuard.Strip(text);
        // Most amounts are plain "-1234.50": read those directly, everything else the careful way.
        if (_culture.NumberFormat.NumberDecimalSeparator == "." && TryParsePlain(text, out amount))
        {
            reason = null;
            return true;
        }

        amount = 0;
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            reason = "the number is too long";
            return false;
        }

        // A currency symbol or code may lead or trail (¥88, USD 12.5, 12.50 CNY); inside, only digits, signs and separators.
        var trimmed = text.Trim();
        var first = trimmed.IndexOfAnyExcept(CurrencyOrSpace);
        var last = trimmed.LastIndexOfAnyExcept(CurrencyOrSpace);
        var core = first < 0 ? [] : trimmed[first..(last + 1)];
        if (core.IsEmpty)
        {
            reason = trimmed.IsEmpty ? "the number is empty" : "not a number";
            return false;
        }

        // Words are not currencies: "about 300" or "300 approx." is a note, not an amount to take as 300.
        if (!IsCurrencyMark(trimmed[..first]) || !IsCurrencyMark(trimmed[(last + 1)..]))
        {
            reason = "only a currency symbol or code (¥, US$, CNY, 元) may stand beside the number";
            return false;
        }

        var length = 0;
        var negative = false;
        foreach (var c in core)
        {
            if (char.IsAsciiDigit(c) || c is '.' or ',' or '\'' or '+' or '-')
            {
                buffer[length++] = c;
            }
            else if (c is '(' or ')')
            {
                negative = true; // (12.50) is accountants' -12.50
            }
            else if (!char.IsWhiteSpace(c))
            {
                reason = $"'{c}' does not belong in a number";
                return false;
            }
            else if (_culture.NumberFormat.NumberGroupSeparator.Trim().Length == 0)
            {
                buffer[length++] = _culture.NumberFormat.NumberGroupSeparator[0]; // 1 234,50: a space groups thousands here
            }
        }

        var digits = buffer[..length];
        if (digits.EndsWith("-"))
        {
            negative = true; // 12.50- (SAP style)
            digits = digits[..^1];
        }

        if (digits.IsEmpty)
        {
            reason = "not a number";
            return false;
        }

        if (!GroupsAreWellFormed(digits))
        {
            reason = $"ambiguous number '{text.ToString()}': the decimal mark here is '{_culture.NumberFormat.NumberDecimalSeparator}'";
            return false;
        }

        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, _culture, out amount))
        {
            reason = "not a number";
            return false;
        }

        amount = negative ? -Math.Abs(amount) : amount;
        if (Math.Abs(amount) >= MaxAmount)
        {
            reason = "the amount is implausibly large";
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>An optional '-', up to 18 digits and at most one '.': nothing else.</summary>
    private static bool TryParsePlain(ReadOnlySpan<char> text, out decimal amount)
    {
        amount = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > 19)
        {
            return false;
        }

        long mantissa = 0;
        byte scale = 0;
        var seenPoint = false;
        var count = 0;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                scale += seenPoint ? (byte)1 : (byte)0;
                count++;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (count == 0 || count > 18 || (seenPoint && scale == 0))
        {
            return false;
        }

        amount = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, scale);
        return Math.Abs(amount) < MaxAmount;
    }

    /// <summary>Thousands separators only between groups of three digits: "1,234.5" yes, "1,5" (a decimal comma?) no.</summary>
    private bool GroupsAreWellFormed(ReadOnlySpan<char> digits)
    {
        var group = _culture.NumberFormat.NumberGroupSeparator;
        var mark = _culture.NumberFormat.NumberDecimalSeparator;
        var markAt = digits.IndexOf(mark.AsSpan());
        var integer = markAt >= 0 ? digits[..markAt] : digits;
        if (group.Length == 0 || integer.IndexOf(group.AsSpan()) < 0)
        {
            return true;
        }

        var parts = integer.ToString().TrimStart('+', '-').Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }
}
