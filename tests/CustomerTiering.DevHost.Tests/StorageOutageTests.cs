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
        var azurite = AzuriteFixture.Dedicated();
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

    [Fact]
    public async Task Listeners_cut_off_from_storage_take_messages_again_once_it_is_back()
    {
        // Cut off, every connection is reset as it opens: the storage SDK then throws bare socket errors as well as its
        // own. Ten failed polls give that a chance on every loop (with the old classification, 4 runs of 4 stopped the host).
        var azurite = AzuriteFixture.WithOutages();
        await azurite.InitializeAsync();
        try
        {
            var logs = new ConcurrentQueue<CapturedLogs.Line>();
            await using var host = await DevHostRunner.StartAsync(azurite, ["QueueEcho", "BlobSeen", "Echo"],
                configureServices: services => services.AddSingleton<ILoggerProvider>(new CapturedLogs(logs)));
            var queue = azurite.Account.Queues.GetQueueClient("echo-in");
            await queue.CreateIfNotExistsAsync();

            azurite.CutOff();
            await Eventually.HoldsAsync(() => Task.FromResult(logs.Count(l => l.Level >= LogLevel.Error) >= 10),
                "the listeners to report storage gone ten times", TimeSpan.FromMinutes(2));
            azurite.Reconnect();
            await queue.SendMessageAsync("after the outage");

            await Eventually.HoldsAsync(async () => (await host.RecordedAsync("QueueEcho")).Any(r => r.GetProperty("message").GetString() == "after the outage"),
                "the message sent after the outage to be taken", TimeSpan.FromMinutes(1));
            Assert.DoesNotContain(logs, l => l.Text.Contains("BackgroundService failed", StringComparison.Ordinal));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
