using System.Text.RegularExpressions;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>infra/main.bicep provisions what the app uses: every container, queue and table, every setting a binding names.</summary>
public sealed partial class InfrastructureTests
{
    private static readonly string Bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

    // The bindings as the worker SDK wrote them at build time, one function a line.
    private static readonly string[] FunctionJsons = [.. System.Text.Json.JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryPaths.BuildOutput("CustomerTiering.Functions"), "functions.metadata")))
        .RootElement.EnumerateArray().Select(f => f.GetRawText())];

    [Fact]
    public void Every_container_queue_and_table_of_the_app_is_provisioned()
    {
        foreach (var name in StorageNames.Containers.Concat(StorageNames.Queues).Concat(StorageNames.Tables))
        {
            Assert.Contains($"'{name}'", Bicep, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_setting_and_connection_a_binding_names_is_an_app_setting()
    {
        var settings = FunctionJsons.SelectMany(json => SettingReference().Matches(json).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var connections = FunctionJsons.SelectMany(json => Connection().Matches(json).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.Contains($"name: '{s}'", Bicep, StringComparison.Ordinal));
        Assert.All(connections, c => Assert.Contains($"name: '{c}__", Bicep, StringComparison.Ordinal));
        Assert.DoesNotContain("AccountKey", Bicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys", Bicep, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex("\"connection\":\\s*\"([A-Za-z0-9_]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Connection();
}
