using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerTiering.Domain.Periods;

/// <summary>A graded month, written <c>yyyy-MM</c>. Its grades are as of its last day; periods sort as their text does.</summary>
[Description("is a month, yyyy-MM, from 2000")]
public readonly record struct GradingPeriod : IComparable<GradingPeriod>
{
    private GradingPeriod(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The last day of the month: the as-of date of a regular run.</summary>
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public GradingPeriod Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public static GradingPeriod Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month that ended before <paramref name="today"/>'s month began: what a run on the 1st grades.</summary>
    public static GradingPeriod JustEnded(DateOnly today) => Of(today).Previous;

    public static bool TryParse([NotNullWhen(true)] string? text, out GradingPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 2000 || month is < 1 or > 12)
        {
            return false;
        }

        period = new GradingPeriod(year, month);
        return true;
    }

    public static GradingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (yyyy-MM, from 2000).");

    public int CompareTo(GradingPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(GradingPeriod left, GradingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(GradingPeriod left, GradingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(GradingPeriod left, GradingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GradingPeriod left, GradingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
