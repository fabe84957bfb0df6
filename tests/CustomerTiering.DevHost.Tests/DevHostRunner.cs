using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerTiering.DevHost.Tests;

/// <summary>
/// A dev host running a throw-away copy of the TestWorker app (the real isolated worker) against the given Azurite, with
/// only the functions a test class names left in its functions.metadata.
/// </summary>
public sealed class DevHostRunner : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";
    public const string MasterKey = "test-master-key";

    private readonly WebApplication _app;

    private DevHostRunner(WebApplication app, string root, HttpClient client)
    {
        _app = app;
        Root = root;
        Client = client;
    }

    public string Root { get; }

    public HttpClient Client { get; }

    public WebApplication Host => _app;

    public static async Task<DevHostRunner> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyList<string> functions,
        string queueSettings = """{ "maxPollingInterval": "00:00:00.5", "visibilityTimeout": "00:00:00", "batchSize": 4, "maxDequeueCount": 3 }""",
        Action<string>? prepareRoot = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(functions);
        var root = Directory.CreateTempSubdirectory("devhost-test-").FullName;
        CopyDirectory(RepositoryPaths.BuildOutput("TestWorker"), root);
        await File.WriteAllTextAsync(Path.Combine(root, "host.json"), $$"""
            {
              "version": "2.0",
              "extensions": { "http": { "routePrefix": "api" }, "queues": {{queueSettings}} }
            }
            """);
        var values = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TieringStorage"] = azurite.ConnectionString,
            ["DevHost__FunctionKey"] = FunctionKey,
            ["DevHost__MasterKey"] = MasterKey,
            ["EchoQueue"] = "echo-out",
            ["TickSchedule"] = "*/1 * * * * *",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        await File.WriteAllTextAsync(Path.Combine(root, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var metadataFile = Path.Combine(root, "functions.metadata");
        var all = JsonNode.Parse(await File.ReadAllTextAsync(metadataFile))!.AsArray();
        var kept = new JsonArray([.. all.Where(f => functions.Contains(f!["name"]!.GetValue<string>()) || f!["name"]!.GetValue<string>() == "Recorded").Select(f => f!.DeepClone())]);
        await File.WriteAllTextAsync(metadataFile, kept.ToJsonString());

        prepareRoot?.Invoke(root);
        var app = DevHostApplication.Create(new DevHostOptions { AppRoot = root, Port = 0, BlobPollInterval = TimeSpan.FromMilliseconds(200) }, configureServices: configureServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostRunner(app, root, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>What the test worker recorded for a function, read through the dev host.</summary>
    public async Task<JsonElement[]> RecordedAsync(string function) =>
        await Client.GetFromJsonAsync<JsonElement[]>($"/api/recorded/{function}") ?? [];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
