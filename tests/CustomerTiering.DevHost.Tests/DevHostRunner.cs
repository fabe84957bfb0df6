using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerTiering.DevHost.Tests;

/// <summary>
/// A dev host running a throw-away app root whose handler is the TestHandler project, against the given Azurite.
/// Each test class builds the functions it needs.
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

    public static async Task<DevHostRunner> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string> functions,
        string queueSettings = """{ "maxPollingInterval": "00:00:00.5", "visibilityTimeout": "00:00:00", "batchSize": 4, "maxDequeueCount": 3 }""",
        Action<string>? prepareRoot = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(functions);
        var root = Directory.CreateTempSubdirectory("devhost-test-").FullName;
        var handler = Path.Combine(RepositoryPaths.BuildOutput("TestHandler"), "TestHandler.dll");
        await File.WriteAllTextAsync(Path.Combine(root, "host.json"), $$"""
            {
              "version": "2.0",
              "customHandler": {
                "description": { "defaultExecutablePath": "dotnet", "arguments": [ {{JsonSerializer.Serialize(handler)}} ] },
                "enableForwardingHttpRequest": true
              },
              "extensions": { "http": { "routePrefix": "api" }, "queues": {{queueSettings}} }
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(root, "local.settings.json"), JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["TieringStorage"] = azurite.ConnectionString,
                ["DevHost__FunctionKey"] = FunctionKey,
                ["DevHost__MasterKey"] = MasterKey,
                ["EchoQueue"] = "echo-out",
            },
        }));
        foreach (var (name, json) in functions)
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            await File.WriteAllTextAsync(Path.Combine(root, name, "function.json"), json);
        }

        prepareRoot?.Invoke(root);
        var app = DevHostApplication.Create(new DevHostOptions { AppRoot = root, Port = 0, BlobPollInterval = TimeSpan.FromMilliseconds(200) });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostRunner(app, root, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>What the test handler received for a function, read through the dev host.</summary>
    public async Task<JsonElement[]> RecordedAsync(string function) =>
        await Client.GetFromJsonAsync<JsonElement[]>($"/api/recorded/{function}") ?? [];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    public const string RecordedFunction = """
        { "bindings": [
          { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous", "methods": ["get"], "route": "recorded/{function}" },
          { "type": "http", "direction": "out", "name": "res" } ] }
        """;
}
