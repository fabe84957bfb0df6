using CustomerTiering.Storage.Events;

namespace CustomerTiering.Functions.Publishing;

/// <summary>Where no Service Bus exists (locally, in tests): each event, as its JSON, on a storage queue named like the topic.</summary>
public sealed class QueueTierChangePublisher(LocalTopic queue) : ITierChangePublisher
{
    public Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        return queue.SendAsync(published.Json, cancellationToken);
    }
}
