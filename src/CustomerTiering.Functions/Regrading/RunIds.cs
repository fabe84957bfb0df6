using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CustomerTiering.Domain.Periods;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Run ids start with their period, so they sort by period and read well in a table. A scheduled run's id is its period's
/// alone (<c>2026-10-scheduled</c>): the timer firing twice for one month, or again after downtime, finds its run.
/// </summary>
public static partial class RunIds
{
    public static string Scheduled(GradingPeriod period) => $"{period}-scheduled";

    public static string OnDemand(GradingPeriod period, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{period}-{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}");

    public static bool IsValid(string? id) => id is { Length: <= 64 } && Pattern().IsMatch(id);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[a-z0-9-]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
