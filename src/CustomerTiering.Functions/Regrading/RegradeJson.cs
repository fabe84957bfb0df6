using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTiering.Functions.Regrading;

/// <summary>JSON of the regrade's messages and answers: camelCase, enums by name.</summary>
public static class RegradeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
