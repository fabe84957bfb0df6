using Azure.Storage.Queues;

namespace CustomerTiering.Functions.Publishing;

/// <summary>Where no Service Bus exists (locally, in tests): each event, as its JSON, on a storage queue named like the topic.</summary>
public sealed class QueueTierChangePublisher(QueueClient queue) : ITierChangePublisher
{
    private volatile bool _created;

    public async Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (!_created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }

        await queue.SendMessageAsync(published.Json, cancellationToken);
    }
}
