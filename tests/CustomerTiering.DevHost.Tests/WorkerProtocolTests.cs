using System.Collections.Concurrent;
using System.Text.Json;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;
using CustomerTiering.DevHost.Rpc;
using CustomerTiering.DevHost.Worker;
using CustomerTiering.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

/// <summary>The host side of the worker protocol against the real isolated worker: the handshake, invocation results and logs.</summary>
public sealed class WorkerProtocolTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly ConcurrentQueue<CapturedLogs.Line> _logs = new();
    private DevHostRunner _host = null!;

    public async Task InitializeAsync() =>
        _host = await DevHostRunner.StartAsync(azurite, ["QueueFail", "Tick"], settings: new Dictionary<string, string> { ["TickSchedule"] = "0 0 2 1 1 *" },
            configureServices: services => services.AddSingleton<ILoggerProvider>(new CapturedLogs(_logs)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<WorkerChannel> ChannelAsync() => await _host.Host.Services.GetRequiredService<WorkerProcess>().WaitUntilReadyAsync(CancellationToken.None);

    private FunctionDefinition Function(string name) => _host.Host.Services.GetRequiredService<FunctionAppDefinition>().Functions.Single(f => f.Name == name);

    [Fact]
    public async Task Init_metadata_and_load_leave_every_function_of_the_worker_loaded_and_its_http_endpoint_known()
    {
        var channel = await ChannelAsync();
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.BuildOutput("TestWorker"), "functions.metadata")));

        Assert.Equal(
            metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal),
            channel.FunctionIds.Keys.Order(StringComparer.Ordinal));
        Assert.True(channel.HttpUri is { IsLoopback: true }, $"the worker's HTTP endpoint: {channel.HttpUri}");
    }

    [Fact]
    public async Task An_invocation_answers_success_or_the_functions_exception_and_the_worker_logs_reach_the_host()
    {
        var invocations = _host.Host.Services.GetRequiredService<InvocationClient>();
        var timer = new TypedData { Json = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":true}""" };
        var message = new TypedData { String = "boom" };
        var failMetadata = new Dictionary<string, TypedData> { ["DequeueCount"] = new() { Json = "1" }, ["Id"] = new() { String = "m-1" } };

        var succeeded = await invocations.InvokeAsync(Function("Tick"), timer, new Dictionary<string, TypedData>());
        var failed = await invocations.InvokeAsync(Function("QueueFail"), message, failMetadata);

        Assert.Equal(InvocationOutcome.Success, succeeded);
        Assert.False(failed.Succeeded);
        Assert.Contains("fails on purpose", failed.Error, StringComparison.Ordinal);
        Assert.True((await _host.RecordedAsync("Tick")).Single().GetProperty("IsPastDue").GetBoolean());
        await Eventually.HoldsAsync(
            () => Task.FromResult(_logs.Any(l => l.Category == "Worker" && l.Level == LogLevel.Error && l.Text.Contains("QueueFail", StringComparison.Ordinal))),
            "the worker's error log for the failed invocation");
    }
}
