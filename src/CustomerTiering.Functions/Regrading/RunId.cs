using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CustomerTiering.Domain.Periods;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Run ids start with their period, so they sort by period and read well in a table. A scheduled run's id is its period's
/// alone (<c>2026-10-scheduled</c>): the timer firing twice for one month, or again after downtime, finds its run.
/// </summary>
[Description("is a run id: its period (yyyy-MM) and a suffix of lower-case letters, digits and '-'")]
public readonly partial record struct RunId : IParsable<RunId>
{
    private RunId(string value) => Value = value;

    public string Value { get; }

    public static RunId Scheduled(GradingPeriod period) => new($"{period}-scheduled");

    public static RunId OnDemand(GradingPeriod period, DateTimeOffset now) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{period}-{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}"));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RunId result)
    {
        var valid = s is { Length: <= 64 } && Pattern().IsMatch(s);
        result = valid ? new RunId(s!) : default;
        return valid;
    }

    public static RunId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is no run id.");

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[a-z0-9-]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
