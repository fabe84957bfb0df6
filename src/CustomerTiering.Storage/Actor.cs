using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTiering.Storage;

/// <summary>
/// Who did something the product audits: the caller's object id (stable: a person renamed stays one actor) and display
/// name, from their validated token. Records made before callers signed in named only a key's kind ("master key"):
/// they read back with no object id.
/// </summary>
[JsonConverter(typeof(ActorJsonConverter))]
public sealed record Actor(string? ObjectId, string Name);

/// <summary>Writes an <see cref="Actor"/> as an object; reads that, or a bare name as earlier audit rows wrote it.</summary>
public sealed class ActorJsonConverter : JsonConverter<Actor>
{
    public override Actor? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Actor(null, reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An actor is an object with objectId and name.");
        }

        string? objectId = null;
        string? name = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "objectId", StringComparison.OrdinalIgnoreCase))
            {
                objectId = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
            {
                name = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Actor(objectId, name ?? throw new JsonException("An actor has a name."));
    }

    public override void Write(Utf8JsonWriter writer, Actor value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("objectId", value.ObjectId);
        writer.WriteString("name", value.Name);
        writer.WriteEndObject();
    }
}
