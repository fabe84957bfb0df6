using System.Collections.Concurrent;
using System.Net;
using CustomerTiering.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

/// <summary>Storage going away makes the dev host's listeners wait and try again; it never takes the host down.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Listeners_that_lose_storage_start_again_and_the_host_keeps_serving()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var logs = new ConcurrentQueue<CapturedLogs.Line>();
        await using var host = await DevHostRunner.StartAsync(azurite, ["QueueEcho", "BlobSeen", "Echo"],
            configureServices: services => services.AddSingleton<ILoggerProvider>(new CapturedLogs(logs)));

        await azurite.DisposeAsync();

        // The storage SDK gives up on an unreachable account only after its retries; then the listeners say so.
        await Eventually.HoldsAsync(() => Task.FromResult(logs.Count(l => l.Level >= LogLevel.Error) >= 2), "the listeners to report storage gone", TimeSpan.FromMinutes(2));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/still-here?code=" + DevHostRunner.FunctionKey);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(logs, l => l.Text.Contains("BackgroundService failed", StringComparison.Ordinal));
    }
}
