using System.Text.Json;

namespace CustomerTiering.Functions.Invocation;

/// <summary>JSON settings of the invocation contract: the host expects PascalCase keys and sends PascalCase metadata.</summary>
public static class InvocationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
    };
}
