using System.Text.Json.Serialization;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Regrading;

/// <summary>One queue message of a run: a phase's work on one shard.</summary>
public sealed record ShardWork(string RunId, ShardPhase Phase, int Shard)
{
    /// <summary>The table partitions shard <paramref name="shard"/> of <paramref name="shards"/> covers: a contiguous slice of the 256.</summary>
    public static IEnumerable<string> PartitionsOf(int shard, int shards) =>
        Enumerable.Range(0, TableKeys.Partitions)
            .Where(p => ShardOfPartition(p, shards) == shard)
            .Select(TableKeys.PartitionName);

    public static int ShardOf(string customerId, int shards) => ShardOfPartition(TableKeys.PartitionIndexOf(customerId), shards);

    private static int ShardOfPartition(int partition, int shards) => partition * shards / TableKeys.Partitions;
}

/// <summary>The phases a shard goes through; grading itself happens once, between measuring and writing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShardPhase>))]
public enum ShardPhase
{
    Measure,
    Write,
    Publish,
}
