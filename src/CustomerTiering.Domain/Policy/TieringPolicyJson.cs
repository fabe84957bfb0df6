using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CustomerTiering.Domain.Policy;

/// <summary>Reads and writes the policy document (camelCase JSON, <c>policy/tiering-policy.schema.json</c>).</summary>
public static class TieringPolicyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parses and validates a policy document: either a policy, or every problem found.</summary>
    public static PolicyParseResult Parse(string json)
    {
        TieringPolicy? policy;
        try
        {
            // "$schema" points editors at the schema; it is not part of the policy.
            var document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            if (document is JsonObject root)
            {
                root.Remove("$schema");
            }

            policy = document.Deserialize<TieringPolicy>(Options);
        }
        catch (JsonException ex)
        {
            return PolicyParseResult.Invalid(new PolicyViolation(ex.Path ?? "$", FirstSentence(ex.Message)));
        }

        if (policy is null)
        {
            return PolicyParseResult.Invalid(new PolicyViolation("$", "the document is null"));
        }

        var violations = TieringPolicyValidator.Validate(policy);
        return violations.Count == 0 ? PolicyParseResult.Valid(policy) : new PolicyParseResult(null, violations);
    }

    public static string Serialize(TieringPolicy policy) => JsonSerializer.Serialize(policy, Options);

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; the path is reported on its own.
    private static string FirstSentence(string message) =>
        message.Split(" Path:", 2)[0].Trim();
}
