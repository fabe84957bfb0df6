using System.Globalization;

namespace CustomerTiering.Exports.Mapping;

/// <summary>
/// One of the date formats exports commonly use, each with an optional time of day (<c>H:mm</c> or <c>H:mm:ss</c>):
/// the candidates a column's dates are surveyed against when no profile names a format.
/// </summary>
public sealed class DateFormat
{
    private static readonly string[] TimesOfDay = ["", " H:mm", " H:mm:ss", " H:mm:ss.FFF"];
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private readonly string[] _patterns;

    private DateFormat(string name, string[] patterns, bool excelSerial = false)
    {
        Name = name;
        _patterns = patterns;
        IsExcelSerial = excelSerial;
    }

    /// <summary>How people write it (and what <c>?dateFormat=</c> takes): <c>M/d/yyyy</c>, <c>d.M.yyyy</c>, <c>excel</c>.</summary>
    public string Name { get; }

    public bool IsExcelSerial { get; }

    public static DateFormat Iso { get; } = new("yyyy-MM-dd",
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-M-d", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss",
    ]);

    public static DateFormat MonthFirst { get; } = WithTimes("M/d/yyyy");

    public static DateFormat DayFirst { get; } = WithTimes("d/M/yyyy");

    /// <summary>Every candidate, ISO first.</summary>
    public static IReadOnlyList<DateFormat> Common { get; } =
    [
        Iso,
        WithTimes("yyyy/M/d"),
        WithTimes("yyyy.M.d"),
        WithTimes("yyyyMMdd"),
        MonthFirst,
        DayFirst,
        WithTimes("d.M.yyyy"),
        WithTimes("d-MMM-yyyy"),
        WithTimes("yyyy年M月d日"),
        new("excel", [], excelSerial: true),
    ];

    /// <summary>The common format of that name (as <see cref="Name"/> spells it, any case), or null.</summary>
    public static DateFormat? Named(string? name) =>
        Common.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool TryRead(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (IsExcelSerial)
        {
            // Days since 1899-12-30 (Excel's 1900 system, its leap-year bug included), a fraction for the time.
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial >= 2_958_466)
            {
                return false;
            }

            date = ExcelEpoch.AddDays((int)Math.Floor(serial));
            return true;
        }

        if (!DateTime.TryParseExact(text, _patterns, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        date = DateOnly.FromDateTime(parsed);
        return true;
    }

    public override string ToString() => Name;

    private static DateFormat WithTimes(string pattern) => new(pattern, [.. TimesOfDay.Select(time => pattern + time)]);
}
