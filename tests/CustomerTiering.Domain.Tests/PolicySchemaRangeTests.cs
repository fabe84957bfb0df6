using System.Globalization;
using System.Text.Json.Nodes;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Domain.Tests;

/// <summary>
/// The published schema's number ranges and the validator's agree: a value the schema puts out of range is refused by
/// the validator at that field. The ranges are stated in the schema and the validator; this holds the two together.
/// </summary>
public sealed class PolicySchemaRangeTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy", "tiering-policy.schema.json")))!;

    /// <summary>Every number of the default policy the schema bounds, as (path in the document, a value out of range, which bound).</summary>
    public static TheoryData<string, double, string> OutOfRange()
    {
        var cases = new TheoryData<string, double, string>();
        void Walk(JsonNode? value, JsonNode? schemaNode, string path)
        {
            if (schemaNode?["$ref"] is { } reference)
            {
                schemaNode = Schema["$defs"]![reference.GetValue<string>().Split('/')[^1]];
            }

            switch (value)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        Walk(child, schemaNode?["properties"]?[key] ?? schemaNode?["additionalProperties"] as JsonObject, $"{path}.{key}");
                    }

                    break;
                case JsonArray { Count: > 0 } array:
                    Walk(array[0], schemaNode?["items"], $"{path}[0]");
                    break;
                case JsonValue number when schemaNode is not null && number.TryGetValue<double>(out _):
                    var integer = schemaNode["type"]?.ToJsonString().Contains("integer", StringComparison.Ordinal) ?? false;
                    var step = integer ? 1 : 0.001;
                    if (schemaNode["minimum"]?.GetValue<double>() is { } min)
                    {
                        cases.Add(path, min - step, "minimum");
                    }

                    if (schemaNode["exclusiveMinimum"]?.GetValue<double>() is { } exclusiveMin)
                    {
                        cases.Add(path, exclusiveMin, "exclusiveMinimum");
                    }

                    if (schemaNode["maximum"]?.GetValue<double>() is { } max)
                    {
                        cases.Add(path, max + step, "maximum");
                    }

                    if (schemaNode["exclusiveMaximum"]?.GetValue<double>() is { } exclusiveMax)
                    {
                        cases.Add(path, exclusiveMax, "exclusiveMaximum");
                    }

                    break;
            }
        }

        Walk(JsonNode.Parse(TieringPolicyJson.Serialize(TieringPolicy.Default)), Schema, "$");
        return cases;
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_the_schema_puts_out_of_range_is_refused_at_its_field(string path, double value, string bound)
    {
        var document = JsonNode.Parse(TieringPolicyJson.Serialize(TieringPolicy.Default))!;
        Set(document, path, value);

        var violations = TieringPolicyJson.Parse(document.ToJsonString()).Violations;

        // Refused at the field, or at the object or list that holds it (a credit limit's four figures are told as one),
        // never only at the document as a whole.
        Assert.True(violations.Any(v => v.Path != "$" && (path.StartsWith(v.Path, StringComparison.Ordinal) || v.Path.StartsWith(path, StringComparison.Ordinal))),
            $"{path} = {value.ToString(CultureInfo.InvariantCulture)} breaks the schema's {bound} but the validator said: {string.Join("; ", violations.Select(v => $"{v.Path} {v.Message}"))}");
    }

    private static void Set(JsonNode document, string path, double value)
    {
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = document;
        for (var i = 0; i < steps.Length; i++)
        {
            var last = i == steps.Length - 1;
            JsonNode replacement = JsonValue.Create(value);
            if (steps[i].StartsWith('['))
            {
                var index = int.Parse(steps[i][1..^1], CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = replacement;
                }
                else
                {
                    node = node.AsArray()[index]!;
                }
            }
            else if (last)
            {
                node.AsObject()[steps[i]] = replacement;
            }
            else
            {
                node = node[steps[i]]!;
            }
        }
    }
}
