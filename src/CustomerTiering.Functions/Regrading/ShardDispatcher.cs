using System.Text.Json;
using Azure.Storage.Queues;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Hands a run's shard work to whichever instance dequeues it first (the <c>RegradeShard</c> function).</summary>
public sealed class ShardDispatcher(StorageAccount account)
{
    private QueueClient Queue => account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue);

    public async Task EnqueueAsync(string runId, ShardPhase phase, IEnumerable<int> shards, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (shard, ct) =>
            await Queue.SendMessageAsync(JsonSerializer.Serialize(new ShardWork(runId, phase, shard), RegradeJson.Options), visibilityTimeout: delay, cancellationToken: ct));
    }
}
