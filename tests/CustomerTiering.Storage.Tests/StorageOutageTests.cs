using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>What <see cref="StorageOutage"/> calls storage being away, in the shapes the SDK really throws.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task A_storage_endpoint_that_takes_requests_and_never_answers_is_an_outage()
    {
        // A listener that accepts connections and reads nothing: every try ends on the client's network timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var table = TableAt(port);

        var error = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.NotNull(error);
        Assert.True(StorageOutage.Is(error), $"{error.GetType().Name}: {error.Message} (inner: {error.InnerException?.GetType().Name}: {error.InnerException?.InnerException?.GetType().Name})");
    }

    [Fact]
    public async Task A_refused_connection_is_an_outage()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var table = TableAt(port);

        var error = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.True(StorageOutage.Is(error), error?.ToString());
    }

    [Fact]
    public void A_cancellation_the_caller_asked_for_is_not_an_outage() =>
        Assert.False(StorageOutage.Is(new OperationCanceledException(new CancellationToken(canceled: true))));

    [Fact]
    public void A_bug_is_not_an_outage() =>
        Assert.False(StorageOutage.Is(new InvalidOperationException("a bug")));

    /// <summary>A table client on that local port, with one retry and a short network timeout.</summary>
    private static TableClient TableAt(int port)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
        return new TableClient(new Uri($"http://127.0.0.1:{port}/devstoreaccount1"), "Outage", new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options);
    }
}
