using System.Globalization;
using System.Text.Json;

namespace CustomerTiering.Exports.Mapping;

/// <summary>
/// How to read one source system's exports when its headers, dates or numbers differ from the built-in ones:
/// <c>{"name":"erp-de","columns":{"KUNNR":"customerId"},"dateFormats":["dd.MM.yyyy"],"culture":"de-DE"}</c>.
/// </summary>
public sealed record MappingProfile
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string Name { get; init; } = "built-in";

    /// <summary>
    /// Header → field name (a <see cref="CanonicalField"/>, any case), or <c>"ignore"</c> to leave the column out. It wins
    /// over the built-in aliases, which still apply to the other headers.
    /// </summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Date formats tried after ISO 8601, e.g. <c>M/d/yyyy H:mm</c>, <c>dd.MM.yyyy</c>, <c>yyyy/MM/dd</c>.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>Culture of numbers: its decimal mark and thousands separator (invariant: 1,234.50; de-DE: 1.234,50).</summary>
    public string Culture { get; init; } = "";

    /// <summary>What a profile maps a column to so that it is not read.</summary>
    public const string Ignore = "ignore";

    public static MappingProfile BuiltIn { get; } = new();

    /// <summary>The field a profile's column value names; null for <see cref="Ignore"/>.</summary>
    public static CanonicalField? FieldOf(string value) =>
        string.Equals(value, Ignore, StringComparison.OrdinalIgnoreCase) ? null : Enum.Parse<CanonicalField>(value, ignoreCase: true);

    public CultureInfo NumberCulture => string.IsNullOrEmpty(Culture) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(Culture, predefinedOnly: true);

    /// <summary>Reads and checks a profile document; every problem is in the exception's message.</summary>
    public static MappingProfile Parse(string json)
    {
        MappingProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<MappingProfile>(json, JsonOptions) ?? throw new ExportRejectedException("The mapping profile is empty.");
        }
        catch (JsonException ex)
        {
            throw new ExportRejectedException("The mapping profile is not valid JSON: " + ex.Message);
        }

        var problems = new List<string>();
        foreach (var (header, field) in profile.Columns)
        {
            if (!string.Equals(field, Ignore, StringComparison.OrdinalIgnoreCase) && !Enum.TryParse<CanonicalField>(field, ignoreCase: true, out _))
            {
                problems.Add($"column '{header}' maps to unknown field '{field}' (fields: {string.Join(", ", Enum.GetNames<CanonicalField>())}, or '{Ignore}')");
            }
        }

        try
        {
            _ = profile.NumberCulture;
        }
        catch (CultureNotFoundException)
        {
            problems.Add($"unknown culture '{profile.Culture}'");
        }

        return problems.Count == 0 ? profile : throw new ExportRejectedException($"Mapping profile '{profile.Name}': {string.Join("; ", problems)}.");
    }
}
