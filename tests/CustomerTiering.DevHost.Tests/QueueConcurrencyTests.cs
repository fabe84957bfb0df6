using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

/// <summary>How many messages of one queue run at once: a batch, and the next batch as soon as no more than <c>newBatchThreshold</c> still run.</summary>
public sealed class QueueConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Messages_that_end_make_room_for_the_next_batch_while_slow_ones_still_run_up_to_batch_size_plus_threshold()
    {
        var queue = azurite.Account.Queues.GetQueueClient("hold-in");
        await queue.CreateIfNotExistsAsync();
        // All sent before the host polls, and the queue hands out its oldest first: a first batch of two messages that hold
        // and two that end at once, then holders.
        string[] sent = ["hold-1", "hold-2", "quick-1", "quick-2", "hold-3", "hold-4", "hold-5", "hold-6", "hold-7", "hold-8"];
        foreach (var message in sent)
        {
            await queue.SendMessageAsync(message);
        }

        await using var host = await DevHostRunner.StartAsync(azurite, ["QueueHold", "ReleaseHeld"],
            """{ "maxPollingInterval": "00:00:00.2", "visibilityTimeout": "00:00:00", "batchSize": 4, "newBatchThreshold": 2, "maxDequeueCount": 3 }""");

        // The two quick ones end, two of the first batch still run (the threshold), so a second batch of four is taken:
        // six holding at once, batch size plus threshold. Waiting for the whole first batch would have stopped at two.
        await Eventually.HoldsAsync(async () => (await host.RecordedAsync("QueueHold")).Length == 8, "a second batch beside the first's slow messages");
        await Task.Delay(TimeSpan.FromSeconds(1)); // five polling intervals, had the listener not been waiting: nothing more is taken
        Assert.Equal(sent[..8].Order(StringComparer.Ordinal), Messages(await host.RecordedAsync("QueueHold")).Order(StringComparer.Ordinal));

        (await host.Client.PostAsync("/api/held/release", null)).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await host.RecordedAsync("QueueHold")).Length == sent.Length, "every message once released");
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the queue emptied");
        Assert.Equal(sent.Order(StringComparer.Ordinal), Messages(await host.RecordedAsync("QueueHold")).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Messages(System.Text.Json.JsonElement[] recorded) =>
        recorded.Select(r => r.GetProperty("message").GetString()!);
}
