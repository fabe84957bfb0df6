using Azure.Storage.Queues;

namespace CustomerTiering.Storage.Runs;

/// <summary>The <c>regrade-shards</c> queue: one message per shard and phase of a run, taken by whichever instance dequeues it first.</summary>
public sealed class ShardMessages(StorageAccount account)
{
    private QueueClient Queue => account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue);

    /// <summary>Queues one message, visible after <paramref name="delay"/> (at once without one).</summary>
    public async Task SendAsync(string message, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        await Queue.SendMessageAsync(message, visibilityTimeout: delay, cancellationToken: cancellationToken);
}
