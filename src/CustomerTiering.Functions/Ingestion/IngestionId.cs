using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>An ingestion's id as a route names it: the 24 lower-case hex digits <c>IngestionLedger.IdOf</c> makes.</summary>
[Description("is an ingestion id: 24 lower-case hex digits")]
public readonly record struct IngestionId : IParsable<IngestionId>
{
    private IngestionId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IngestionId result)
    {
        var valid = s is { Length: 24 } && s.All(char.IsAsciiHexDigitLower);
        result = valid ? new IngestionId(s!) : default;
        return valid;
    }

    public static IngestionId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is no ingestion id.");

    public override string ToString() => Value;
}
