using Azure.Storage.Queues;

namespace CustomerTiering.Storage.Events;

/// <summary>The <c>tier-changes</c> queue: events a run has graded, each as its JSON, waiting for the relay to send them on.</summary>
public sealed class PendingEvents(StorageAccount account)
{
    private QueueClient Queue => account.Queues.GetQueueClient(StorageNames.TierChangesQueue);

    /// <summary>Queues an event, visible to the relay at once or after <paramref name="delay"/>.</summary>
    public async Task SendAsync(string eventJson, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        await Queue.SendMessageAsync(eventJson, visibilityTimeout: delay, cancellationToken: cancellationToken);
}
