using CustomerTiering.Functions.Publishing;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The relay from the events queue to the topic, against a real Azurite: each event sent once, and none lost.</summary>
public sealed class TierChangeRelayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly FlakyPublisher _publisher = new();

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TierChangeRelay Relay => new(
        new RelayedEventLedger(azurite.Account, TestKeys.Hasher), new ErasedCustomers(azurite.Account, TestKeys.Hasher), new PendingEvents(azurite.Account),
        _publisher, Options.Create(new RegradeOptions { MaxAttempts = 5 }), NullLogger<TierChangeRelay>.Instance);

    private static string Event(string id) => $"{{\"type\":\"{TierChangedEvent.EventType}\",\"id\":\"{id}\",\"data\":{{}}}}";

    [Fact]
    public async Task An_event_is_sent_once_and_every_later_copy_is_dropped()
    {
        var json = Event("2024-04-a:C1");

        Assert.True(await Relay.RelayAsync(json, "message-1"));
        Assert.False(await Relay.RelayAsync(json, "message-1"));
        Assert.False(await Relay.RelayAsync(json, "message-2"));
        Assert.False(await Relay.RelayAsync("not json", "message-3"));
        Assert.False(await Relay.RelayAsync("{\"type\":\"other\",\"id\":\"x\"}", "message-4"));

        Assert.Equal([("2024-04-a:C1", json)], _publisher.Sent.Select(e => (e.Id, e.Json)));
    }

    [Fact]
    public async Task An_event_whose_send_failed_is_sent_by_the_next_copy_that_comes()
    {
        var json = Event("2024-04-a:C2");
        _publisher.FailNext = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Relay.RelayAsync(json, "message-1"));

        // The failed message was the first copy: a second copy, or the same message again, must still send it.
        Assert.True(await Relay.RelayAsync(json, "message-2"));
        Assert.False(await Relay.RelayAsync(json, "message-1"));
        Assert.Equal(["2024-04-a:C2"], _publisher.Sent.Select(e => e.Id));
    }

    [Fact]
    public async Task A_message_failing_its_last_try_queues_its_event_again_for_later_instead_of_going_to_poison()
    {
        var queue = azurite.Account.Queues.GetQueueClient(StorageNames.TierChangesQueue);
        await queue.ClearMessagesAsync();
        var json = Event("2024-04-a:C3");
        _publisher.FailNext = 5;

        // Before the last try the failure is the host's to retry.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Relay.HandleAsync(json, "message-1", dequeueCount: 4));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // The last try completes, its event queued again and hidden for the postponement.
        await Relay.HandleAsync(json, "message-1", dequeueCount: 5);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Empty(_publisher.Sent);

        // Its copy, once it comes, is sent.
        _publisher.FailNext = 0;
        Assert.True(await Relay.RelayAsync(json, "message-2"));
        Assert.Equal(["2024-04-a:C3"], _publisher.Sent.Select(e => e.Id));
        await queue.ClearMessagesAsync();
    }

    /// <summary>Records what it sends, and fails as many sends as it is told to first, as a topic that is away does.</summary>
    private sealed class FlakyPublisher : ITierChangePublisher
    {
        public List<PublishedEvent> Sent { get; } = [];

        public int FailNext { get; set; }

        public Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken = default)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new InvalidOperationException("The topic is away.");
            }

            Sent.Add(published);
            return Task.CompletedTask;
        }
    }
}
