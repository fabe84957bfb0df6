using System.Net.Sockets;
using Azure;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

/// <summary>What the dev host's loops wait out, in the shapes the storage SDK throws them, and what they let through.</summary>
public sealed class StorageErrorsTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "refused, after the SDK's retries", new AggregateException(new RequestFailedException("Connection refused", new HttpRequestException("Connection refused"))) },
        { "reset as the connection opened: a bare socket error, after two resets", new AggregateException(
            new RequestFailedException("Connection reset by peer"), new RequestFailedException("Connection reset by peer"), new SocketException((int)SocketError.NotConnected)) },
        { "reset as the connection opened, thrown alone", new SocketException((int)SocketError.NotConnected) },
        { "a read cut off", new IOException("Unable to read data from the transport connection", new SocketException((int)SocketError.ConnectionReset)) },
        { "an answer storage gave: a message another listener took", new RequestFailedException(404, "The specified message does not exist.") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Storage_errors_are_waited_out(string shape, Exception error) =>
        Assert.True(StorageErrors.IsUnavailable(error), shape);

    [Fact]
    public void A_bug_is_not_a_storage_error() =>
        Assert.False(StorageErrors.IsUnavailable(new InvalidOperationException("a bug")));
}
