using System.Text.Json;

namespace CustomerTiering.Functions.Invocation;

/// <summary>What the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger: the trigger and input values, and their metadata.</summary>
public sealed class InvocationRequest
{
    private InvocationRequest(IReadOnlyDictionary<string, JsonElement> data, IReadOnlyDictionary<string, JsonElement> metadata)
    {
        Data = data;
        Metadata = metadata;
    }

    /// <summary>Trigger and input binding values, keyed by binding name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; }

    /// <summary>Trigger metadata (for a queue: <c>Id</c>, <c>DequeueCount</c>, …) and <c>sys</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }

    /// <summary>Reads a request body. Unknown top-level keys are ignored, so that a newer host cannot break the handler.</summary>
    public static InvocationRequest Parse(ReadOnlySpan<byte> json)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"The invocation body is not JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"The invocation body must be a JSON object, not {root.ValueKind}.");
        }

        var data = ReadSection(root, "Data", required: true);
        var metadata = ReadSection(root, "Metadata", required: false);
        return new InvocationRequest(data, metadata);
    }

    /// <summary>A <c>Data</c> value as text (a queue message, a blob name).</summary>
    public string GetText(string bindingName) => InvocationValue.ReadText(GetData(bindingName));

    /// <summary>A <c>Data</c> value as an object (a timer's status, a JSON queue message).</summary>
    public T Get<T>(string bindingName) => InvocationValue.ReadJson<T>(GetData(bindingName), bindingName);

    /// <summary>A <c>Metadata</c> value as text, or null when the host did not send it.</summary>
    public string? GetMetadataText(string name) =>
        Metadata.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? InvocationValue.ReadText(value) : null;

    private JsonElement GetData(string bindingName) =>
        Data.TryGetValue(bindingName, out var value)
            ? value
            : throw new InvalidInvocationException(
                $"Data has no '{bindingName}' (it has: {(Data.Count == 0 ? "nothing" : string.Join(", ", Data.Keys))}).");

    private static Dictionary<string, JsonElement> ReadSection(JsonElement root, string name, bool required)
    {
        var section = root.EnumerateObject()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (section.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return required
                ? throw new InvalidInvocationException($"The invocation body has no '{name}' object.")
                : new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        }

        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"'{name}' must be a JSON object, not {section.Value.ValueKind}.");
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in section.Value.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return values;
    }
}
