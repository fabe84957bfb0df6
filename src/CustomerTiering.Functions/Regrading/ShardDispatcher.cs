using System.Text.Json;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Hands a run's shard work to whichever instance dequeues it first (the <c>RegradeShard</c> function).</summary>
public sealed class ShardDispatcher(ShardMessages queue)
{
    public async Task EnqueueAsync(string runId, ShardPhase phase, IEnumerable<int> shards, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (shard, ct) =>
            await queue.SendAsync(JsonSerializer.Serialize(new ShardWork(runId, phase, shard), RegradeJson.Options), delay, ct));
    }
}
