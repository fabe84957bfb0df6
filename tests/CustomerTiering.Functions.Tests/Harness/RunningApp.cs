using System.Net.Http.Headers;
using System.Text.Json;
using CustomerTiering.DevHost;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerTiering.Functions.Tests;

/// <summary>The real function app, run by the dev host from the handler's build output, on the given storage.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    /// <summary>The host's keys: they open no HTTP function of the app (every one is anonymous to the host and checks tokens).</summary>
    public const string FunctionKey = "e2e-function-key";
    public const string MasterKey = "e2e-master-key";

    /// <summary>The one origin the app's CORS allows.</summary>
    public const string PortalOrigin = "https://portal.example";

    /// <summary>The storage queue standing in for the Service Bus topic tier changes are relayed to.</summary>
    public const string TierChangesTopic = "tier-changes-topic";

    private readonly WebApplication _host;
    private readonly string _settings;
    private readonly Dictionary<Who, string> _tokens = [];

    private RunningApp(WebApplication host, string settings, HttpClient client)
    {
        _host = host;
        _settings = settings;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The worker process the dev host runs now (it restarts one that dies); null while it starts.</summary>
    public int? WorkerProcessId => _host.Services.GetRequiredService<CustomerTiering.DevHost.Worker.WorkerProcess>().ProcessId;

    /// <summary>The id under which the dev host keeps its timers' schedule status.</summary>
    public string HostId => _host.Services.GetRequiredService<CustomerTiering.DevHost.FunctionApp.FunctionAppDefinition>().Settings.HostId;

    public static async Task<RunningApp> StartAsync(
        string dataConnection, string runtimeConnection, IReadOnlyDictionary<string, string>? extraSettings = null, string? appRoot = null, TimeProvider? timerClock = null)
    {
        var values = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = runtimeConnection,
            ["TieringStorage"] = dataConnection,
            ["DevHost__FunctionKey"] = FunctionKey,
            ["DevHost__MasterKey"] = MasterKey,
            ["RegradeSchedule"] = "0 0 2 1 * *",
            ["TierChangesTopic"] = TierChangesTopic,
            ["Privacy__ErasureKey"] = CustomerTiering.Testing.TestKeys.ErasureKey,
            // A failed message is back after 2 s rather than host.json's 10 s (see QueueMessageLease): what a retry proves
            // does not depend on how long it waits, and the reliability scenarios retry many times.
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:02",
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var settings = Path.GetTempFileName();
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Values = values, Host = new { CORS = PortalOrigin } }));
        var host = DevHostApplication.Create(new DevHostOptions
        {
            AppRoot = appRoot ?? RepositoryPaths.BuildOutput("CustomerTiering.Functions"),
            SettingsFile = settings,
            Port = 0,
            BlobPollInterval = TimeSpan.FromMilliseconds(200),
            // Short, as the visibility timeout above: a message whose failure storage could not record (an outage), or whose
            // worker was killed, is back in seconds. Renewed every 1.5 s while its function runs.
            QueueMessageLease = TimeSpan.FromSeconds(3),
        }, timerClock);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(host, settings, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>The dev host's token issuer: tests sign tokens with it, good ones and bad.</summary>
    public DevTokenIssuer Issuer => _host.Services.GetRequiredService<DevTokenIssuer>();

    /// <summary>A token from the dev host's issuer for <paramref name="caller"/>; null for <see cref="Who.Nobody"/>.</summary>
    public string? TokenFor(Who caller)
    {
        if (caller == Who.Nobody)
        {
            return null;
        }

        lock (_tokens)
        {
            if (!_tokens.TryGetValue(caller, out var token))
            {
                _tokens[caller] = token = Issuer.Issue(Callers.User(caller));
            }

            return token;
        }
    }

    /// <summary>A request with <paramref name="caller"/>'s bearer token, as the portal or an administrator sends it.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, Who caller = Who.Portal, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (TokenFor(caller) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>Sends a <see cref="Request"/> to the app.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Who caller = Who.Portal, HttpContent? content = null)
    {
        using var request = Request(method, path, caller, content);
        return await Client.SendAsync(request);
    }

    /// <summary>A GET as the portal sends it.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        File.Delete(_settings);
    }
}
