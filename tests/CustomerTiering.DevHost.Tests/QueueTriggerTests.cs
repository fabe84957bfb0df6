using Azure.Storage.Queues;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class QueueTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private DevHostRunner _host = null!;

    public async Task InitializeAsync() => _host = await DevHostRunner.StartAsync(azurite, ["QueueEcho", "QueueFail"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_queue_message_invokes_the_function_with_host_metadata_and_is_deleted()
    {
        var queue = azurite.Account.Queues.GetQueueClient("echo-in");
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync("""{"hello":"wörld"}""");

        var invocation = (await Eventually.ReturnsAsync(
            async () => (await _host.RecordedAsync("QueueEcho")) is [var one] ? new[] { one } : null, "the echo invocation"))[0];

        Assert.Equal("""{"hello":"wörld"}""", invocation.GetProperty("message").GetString());
        var metadata = invocation.GetProperty("metadata");
        Assert.Equal("1", metadata.GetProperty("DequeueCount").GetString());
        Assert.Equal(sent.Value.MessageId, metadata.GetProperty("Id").GetString());
        Assert.Contains("\"MethodName\":\"QueueEcho\"", metadata.GetProperty("sys").GetString(), StringComparison.Ordinal);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message to be deleted");
    }

    [Fact]
    public async Task What_a_function_sends_with_the_sdk_reaches_its_queue()
    {
        var queue = azurite.Account.Queues.GetQueueClient("echo-in");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("carry me");
        var output = azurite.Account.Queues.GetQueueClient("echo-out");

        var texts = await Eventually.ReturnsAsync(async () =>
        {
            if (!await output.ExistsAsync())
            {
                return null;
            }

            var peeked = (await output.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
            return peeked.Contains("carry me-again") ? peeked : null;
        }, "the echo outputs");

        Assert.Contains("carry me", texts);
        Assert.Contains("carry me-again", texts);
    }

    [Fact]
    public async Task A_failing_function_is_retried_then_moved_to_the_poison_queue_with_its_body_intact()
    {
        var queue = azurite.Account.Queues.GetQueueClient("fail-in");
        await queue.CreateIfNotExistsAsync();
        const string body = "{\"export\":\"orders/2026-10.csv\",\"note\":\"ünïcode, \\\"quotes\\\"\"}";
        await queue.SendMessageAsync(body);
        var poison = azurite.Account.Queues.GetQueueClient("fail-in-poison");

        var poisoned = await Eventually.ReturnsAsync(async () =>
            await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value is [var message] ? message : null, "the poison message");

        Assert.Equal(body, poisoned.Body.ToString());
        var attempts = await _host.RecordedAsync("QueueFail");
        Assert.Equal(["1", "2", "3"], attempts.Select(a => a.GetProperty("metadata").GetProperty("DequeueCount").GetString()));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_without_invoking_anything()
    {
        var raw = new QueueClient(azurite.ConnectionString, "fail-in", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync();
        var before = (await _host.RecordedAsync("QueueFail")).Length;
        await raw.SendMessageAsync("not base64 at all!");
        var poison = new QueueClient(azurite.ConnectionString, "fail-in-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await Eventually.HoldsAsync(async () =>
            await poison.ExistsAsync() && (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == "not base64 at all!"),
            "the undecodable message in poison");

        Assert.Equal(before, (await _host.RecordedAsync("QueueFail")).Length);
    }
}
