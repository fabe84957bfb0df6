using System.Numerics;
using CustomerTiering.Exports.Reading;

namespace CustomerTiering.Exports.Mapping;

/// <summary>
/// Reads a file's first rows once, before it is parsed, to learn what its header cannot say: which common format its
/// dates are in, and whether its customer ids are whole numbers written as decimals. Streaming and bounded: it stops as
/// soon as both are known, and after <see cref="MaxRows"/> rows in any case.
/// </summary>
public static class ColumnSurvey
{
    /// <summary>Rows read at most while the date format is still open (dates that all have days up to 12, say).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>Customer ids looked at to decide whether <c>12346.0</c> means <c>12346</c>.</summary>
    public const int IdSample = 10_000;

    private const int MaxDistinctDates = 100_000;

    /// <summary>
    /// How to read the file under <paramref name="reader"/> (which it consumes): a date format asked for on the upload
    /// wins, then the profile's formats, then the survey's choice; the survey decides about decimal-looking ids in any case.
    /// </summary>
    public static ColumnConventions Conventions(IRowReader reader, ColumnMap map, MappingProfile profile, DateFormat? requested)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var given = requested is not null || profile.DateFormats.Count > 0;
        var surveyed = Run(reader, map, surveyDates: !given);
        return requested is not null ? surveyed with { DateFormat = requested, DateFormatSource = "upload" }
            : profile.DateFormats.Count > 0 ? surveyed with { DateFormatSource = "profile" }
            : surveyed;
    }

    /// <summary>
    /// Surveys <paramref name="reader"/> (which it consumes). A date format is chosen when exactly one common format reads
    /// every date that any of them reads (dates none reads are bad rows later); <c>M/d/yyyy</c> and <c>d/M/yyyy</c> both
    /// fitting every date is refused, as the file cannot say which it means.
    /// </summary>
    public static ColumnConventions Run(IRowReader reader, ColumnMap map, bool surveyDates = true, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(map);
        var candidates = DateFormat.Common;
        // The file's date column: an order's date, or a customer's last contact.
        var dateColumn = !surveyDates ? -1 : map[CanonicalField.OrderDate] >= 0 ? map[CanonicalField.OrderDate] : map[CanonicalField.LastContact];
        var idColumn = map[CanonicalField.CustomerId];
        var alive = (1UL << candidates.Count) - 1;
        var dateOpen = dateColumn >= 0;
        var sawDate = false;
        string? conflict = null, example = null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var idsSeen = 0;
        var idsAsDecimals = true;
        for (var rows = 0; (dateOpen || (idColumn >= 0 && idsSeen < IdSample)) && rows < maxRows && reader.Read(); rows++)
        {
            if (dateOpen && SpreadsheetGuard.Strip(reader.Field(dateColumn)) is { IsEmpty: false } date
                && (distinct.Count >= MaxDistinctDates || distinct.Add(date.ToString())))
            {
                var fits = Fitting(candidates, date);
                if (fits != 0)
                {
                    sawDate = true;
                    example ??= date.ToString();
                    if ((alive & fits) == 0)
                    {
                        conflict = $"'{example}' and '{date.ToString()}' are in different formats";
                        dateOpen = false;
                    }
                    else
                    {
                        alive &= fits;
                        dateOpen = BitOperations.PopCount(alive) > 1;
                    }
                }
            }

            if (idColumn >= 0 && idsSeen < IdSample && SpreadsheetGuard.Strip(reader.Field(idColumn)) is { IsEmpty: false } id)
            {
                idsSeen++;
                idsAsDecimals &= IsWholeNumberAsDecimal(id);
            }
        }

        return new ColumnConventions
        {
            DateFormat = conflict is null && sawDate ? Chosen(candidates, alive, map) : null,
            DateFormatSource = conflict is null && sawDate ? "inferred" : null,
            DateFormatProblem = conflict is null ? null : $"The dates of column '{map.Header[dateColumn]}' come in more than one format ({conflict}); a mapping profile can list the formats.",
            IdsWrittenAsDecimals = idsSeen > 0 && idsAsDecimals,
        };
    }

    /// <summary>The id a spreadsheet wrote as <c>12346.0</c>, as <c>12346</c>; anything else as it is.</summary>
    public static ReadOnlySpan<char> WholeNumber(ReadOnlySpan<char> id) => IsWholeNumberAsDecimal(id) ? id[..^2] : id;

    private static ulong Fitting(IReadOnlyList<DateFormat> candidates, ReadOnlySpan<char> text)
    {
        var fits = 0UL;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].TryRead(text, out var date) && date.Year is >= 1900 and <= 2100)
            {
                fits |= 1UL << i;
            }
        }

        return fits;
    }

    private static DateFormat Chosen(IReadOnlyList<DateFormat> candidates, ulong alive, ColumnMap map)
    {
        var fitting = candidates.Where((_, i) => (alive & (1UL << i)) != 0).ToList();
        if (fitting.Contains(DateFormat.MonthFirst) && fitting.Contains(DateFormat.DayFirst))
        {
            throw new ExportRejectedException(
                $"The dates of column '{DateHeader(map)}' read as {DateFormat.MonthFirst.Name} and as {DateFormat.DayFirst.Name} alike " +
                $"(no day in them is over 12), so the file cannot say which it means. Say it with ?dateFormat={DateFormat.MonthFirst.Name} or " +
                $"?dateFormat={DateFormat.DayFirst.Name} on the upload, the blob's 'dateformat' metadata, or a mapping profile's dateFormats.");
        }

        return fitting[0];
    }

    private static string DateHeader(ColumnMap map) =>
        map.Header[map[CanonicalField.OrderDate] >= 0 ? map[CanonicalField.OrderDate] : map[CanonicalField.LastContact]];

    private static bool IsWholeNumberAsDecimal(ReadOnlySpan<char> id) =>
        id.Length > 2 && id.EndsWith(".0") && !id[..^2].ContainsAnyExceptInRange('0', '9');
}
