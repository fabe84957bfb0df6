using Azure.Storage.Queues;

namespace CustomerTiering.Storage.Events;

/// <summary>
/// Where no Service Bus exists (locally, in tests): a storage queue named like the topic, holding each event relayed to
/// it as its JSON. Unlike a topic it has no duplicate detection; a subscriber reading it drops a second copy by event id.
/// </summary>
public sealed class LocalTopic(StorageAccount account, string topic)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(topic);
    private volatile bool _created;

    public async Task SendAsync(string eventJson, CancellationToken cancellationToken = default)
    {
        if (!_created)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }

        await _queue.SendMessageAsync(eventJson, cancellationToken);
    }
}
