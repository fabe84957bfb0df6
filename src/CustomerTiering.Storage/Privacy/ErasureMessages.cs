using Azure.Storage.Queues;

namespace CustomerTiering.Storage.Privacy;

/// <summary>The <c>erasures</c> queue: a message per request, or to look again later when the erasure had to wait.</summary>
public sealed class ErasureMessages(StorageAccount account)
{
    private QueueClient Queue => account.Queues.GetQueueClient(StorageNames.ErasuresQueue);

    public async Task SendAsync(string requestId, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        await Queue.SendMessageAsync(requestId, visibilityTimeout: delay, cancellationToken: cancellationToken);
}
