using System.Text.Json;

namespace CustomerTiering.Functions.Invocation;

/// <summary>
/// Reads one value of an invocation's <c>Data</c> or <c>Metadata</c>. The host sometimes JSON-encodes a string twice
/// (<c>"\"hello.txt\""</c>) and sends JSON objects as strings; these helpers accept every form.
/// </summary>
public static class InvocationValue
{
    /// <summary>The value as text: a string unwrapped of any extra layer of JSON encoding, anything else as raw JSON.</summary>
    public static string ReadText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        // At most a few layers are ever seen; the bound keeps hostile input from looping.
        for (var layer = 0; layer < 4 && LooksLikeEncodedString(text); layer++)
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text)!;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return text;
    }

    /// <summary>The value as a <typeparamref name="T"/>, whether it came as a JSON object or as a string holding JSON.</summary>
    public static T ReadJson<T>(JsonElement value, string name, JsonSerializerOptions? options = null)
    {
        try
        {
            var result = value.ValueKind == JsonValueKind.String
                ? JsonSerializer.Deserialize<T>(ReadText(value), options ?? InvocationJson.Options)
                : value.Deserialize<T>(options ?? InvocationJson.Options);
            return result ?? throw new InvalidInvocationException($"'{name}' is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"'{name}' is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    private static bool LooksLikeEncodedString(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"';
}
