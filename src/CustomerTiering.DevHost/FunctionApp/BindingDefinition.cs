using System.Text.Json;

namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>One entry of a function's <c>bindings</c> in functions.metadata, with <c>%AppSetting%</c> references already resolved.</summary>
public sealed record BindingDefinition(string Type, string Direction, string Name, IReadOnlyDictionary<string, JsonElement> Properties)
{
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public string? GetString(string property) =>
        Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool GetBoolean(string property) =>
        Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> GetStrings(string property) =>
        Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
