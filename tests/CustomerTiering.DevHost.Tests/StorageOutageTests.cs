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
        var failures = new ConcurrentQueue<string>();
        await using var host = await DevHostRunner.StartAsync(azurite, ["QueueEcho", "BlobSeen", "Echo"],
            configureServices: services => services.AddSingleton<ILoggerProvider>(new FailureLog(failures)));

        await azurite.DisposeAsync();

        // The storage SDK gives up on an unreachable account only after its retries; then the listeners say so.
        await Eventually.HoldsAsync(() => Task.FromResult(failures.Count >= 2), "the listeners to report storage gone", TimeSpan.FromMinutes(2));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/still-here?code=" + DevHostRunner.FunctionKey);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(failures, f => Assert.DoesNotContain("BackgroundService failed", f, StringComparison.Ordinal));
    }

    /// <summary>Owned by the dev host's container; keeps the error lines.</summary>
    private sealed class FailureLog(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
