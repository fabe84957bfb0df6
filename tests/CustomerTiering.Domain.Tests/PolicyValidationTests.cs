using System.Text.Json.Nodes;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class PolicyValidationTests
{
    private static readonly TieringPolicy Default = TieringPolicy.Default;

    private static PolicyViolation Only(TieringPolicy policy) => Assert.Single(TieringPolicyValidator.Validate(policy));

    [Fact]
    public void The_default_policy_is_valid() => Assert.Empty(TieringPolicyValidator.Validate(Default));

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_named()
    {
        var problem = Only(Default with { Tiers = Default.Tiers with { Weights = Default.Tiers.Weights with { Growth = 0.2 } } });

        Assert.Equal("$.tiers.weights", problem.Path);
        Assert.Equal("must sum to 1, not 1.1", problem.Message);
    }

    [Fact]
    public void Tier_shares_that_do_not_sum_to_one_are_named()
    {
        var problem = Only(Default with { Tiers = Default.Tiers with { Shares = [0.01, 0.04, 0.15, 0.30, 0.45] } });

        Assert.Equal("$.tiers.shares", problem.Path);
        Assert.StartsWith("must sum to 1, not 0.95", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_ABC_thresholds_are_named()
    {
        var problem = Only(Default with { Abc = Default.Abc with { AUpTo = 0.9, BUpTo = 0.85 } });

        Assert.Equal("$.abc", problem.Path);
        Assert.Equal("thresholds overlap: A up to 0.9 must be below B up to 0.85", problem.Message);
    }

    [Fact]
    public void Overlapping_score_thresholds_are_named_with_both_tiers()
    {
        var problem = Only(Default with { Tiers = Default.Tiers with { Method = TierMethod.Threshold, Shares = null, Thresholds = [90, 75, 80, 20] } });

        Assert.Equal("$.tiers.thresholds[2]", problem.Path);
        Assert.Equal("overlaps: 80 for 'B' must be below 75 for 'A'", problem.Message);
    }

    [Fact]
    public void An_unknown_tier_name_in_the_rising_star_rule_is_named()
    {
        var problem = Only(Default with { RisingStars = Default.RisingStars with { Tiers = ["C", "Bronze"] } });

        Assert.Equal("$.risingStars.tiers[1]", problem.Path);
        Assert.Equal("'Bronze' is not a tier (tiers are VIP, A, B, C, D)", problem.Message);
    }

    [Fact]
    public void Overlapping_lifecycle_thresholds_are_named()
    {
        var problem = Only(Default with { Lifecycle = Default.Lifecycle with { GrowingAbove = -0.2 } });

        Assert.Equal("$.lifecycle", problem.Path);
    }

    [Fact]
    public void A_rule_outside_the_score_range_is_named_and_not_reported_again_as_grid_faults()
    {
        var segments = Default.Rfm.Segments.ToList();
        segments[0] = segments[0] with { Recency = [4, 6] };

        var problem = Only(Default with { Rfm = Default.Rfm with { Segments = segments } });

        Assert.Equal("$.rfm.segments[0].recency", problem.Path);
        Assert.Equal("[4, 6] is not a range within 1..5", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var broken = Default with
        {
            Version = "",
            Abc = Default.Abc with { AUpTo = 0.99 },
            Tiers = Default.Tiers with { Names = ["VIP", "VIP", "B", "C", "D"], Weights = Default.Tiers.Weights with { Monetary = 0 } },
            Hysteresis = new HysteresisPolicy { PeriodsBelow = 0, Margin = -1 },
        };

        var paths = TieringPolicyValidator.Validate(broken).Select(p => p.Path);

        // The service playbook and the display name of tier A name a tier the broken names no longer have: two more
        // problems, reported with the rest.
        Assert.Equal(["$.version", "$.abc", "$.tiers.names[1]", "$.tiers.weights", "$.hysteresis.periodsBelow", "$.hysteresis.margin", "$.service.A", "$.tiers.displayNames.A"], paths);
    }

    [Fact]
    public void The_policy_file_in_the_repository_is_the_built_in_default()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy", "default-policy.json"));

        var parsed = TieringPolicyJson.Parse(json);

        Assert.Empty(parsed.Violations);
        Assert.Equal(TieringPolicyJson.Serialize(Default), TieringPolicyJson.Serialize(parsed.Policy!));
    }

    [Theory]
    [InlineData("""{ "version": "x", "rfm": { "bins": "five" } }""", "$.rfm.bins")]
    [InlineData("""{ "version": "x", "colour": "red" }""", "$.colour")]
    [InlineData("""{ "version": "x" """, "$")]
    [InlineData("""{ "version": "x", "tiers": { "method": "byLuck" } }""", "$.tiers.method")]
    public void A_document_that_is_not_a_policy_gets_a_path_and_a_reason(string json, string path)
    {
        var parsed = TieringPolicyJson.Parse(json);

        Assert.False(parsed.IsValid);
        var problem = Assert.Single(parsed.Violations);
        Assert.Equal(path, problem.Path);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void A_document_missing_required_sections_names_them()
    {
        var parsed = TieringPolicyJson.Parse("""{ "version": "x" }""");

        var problem = Assert.Single(parsed.Violations);
        Assert.Contains("rfm", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VIP", "benefits", """[{ "en": "Visits" }]""", "$.service.VIP.benefits[0]", "zh")]
    [InlineData("VIP", "benefits", """[{ "en": "Visits", "zh": " " }]""", "$.service.VIP.benefits[0].zh", "Chinese")]
    [InlineData("B", "contactEveryDays", "-30", "$.service.B.contactEveryDays", "1 to 3660")]
    [InlineData("C", "channels", """["email", "carrierPigeon"]""", "$.service.C.channels[1]", "")]
    [InlineData("A", "complaintPriority", "0", "$.service.A.complaintPriority", "1 (first)")]
    public void A_broken_service_playbook_is_refused_naming_its_path(string tier, string field, string value, string path, string message)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy", "default-policy.json")))!;
        document["service"]![tier]![field] = JsonNode.Parse(value);

        var problem = Assert.Single(TieringPolicyJson.Parse(document.ToJsonString()).Violations);

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_playbook_for_a_tier_the_policy_does_not_have_is_refused()
    {
        var policy = Default with { Service = new Dictionary<string, ServicePlaybook>(Default.Service) { ["Platinum"] = new() } };

        Assert.Equal("$.service.Platinum", Only(policy).Path);
    }

    [Fact]
    public void The_published_schema_describes_every_field_of_the_policy()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy", "tiering-policy.schema.json")))!;
        var policy = JsonNode.Parse(TieringPolicyJson.Serialize(Default))!;

        var undescribed = new List<string>();
        void Walk(JsonNode? value, JsonNode? schemaNode, string path)
        {
            if (schemaNode?["$ref"] is { } reference)
            {
                schemaNode = schema["$defs"]![reference.GetValue<string>().Split('/')[^1]];
            }

            switch (value)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        if (child is null)
                        {
                            continue; // unset optional fields
                        }

                        // A map (the service playbooks by tier) describes its values once, as additionalProperties.
                        var childSchema = schemaNode?["properties"]?[key] ?? schemaNode?["additionalProperties"] as JsonObject;
                        if (childSchema is null)
                        {
                            undescribed.Add($"{path}.{key}");
                        }
                        else
                        {
                            Walk(child, childSchema, $"{path}.{key}");
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item, schemaNode?["items"], path + "[]");
                    }

                    break;
            }
        }

        Walk(policy, schema, "$");

        Assert.Empty(undescribed);
    }
}
