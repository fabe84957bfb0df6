using System.Text.Json.Serialization;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Regrading;

/// <summary>One queue message of a run: a phase's work on one shard.</summary>
public sealed record ShardWork(string RunId, ShardPhase Phase, int Shard)
{
    /// <summary>The table partitions shard <paramref name="shard"/> of <paramref name="shards"/> covers: a contiguous slice of the 256.</summary>
    public static PartitionRange PartitionsOf(int shard, int shards) => new(FirstPartitionOf(shard, shards), FirstPartitionOf(shard + 1, shards));

    public static int ShardOf(string customerId, int shards) => ShardOfPartition(TableKeys.PartitionIndexOf(customerId), shards);

    private static int ShardOfPartition(int partition, int shards) => partition * shards / TableKeys.Partitions;

    /// <summary>The first partition p with <see cref="ShardOfPartition"/>(p) = <paramref name="shard"/>: p × shards / 256 rounded up.</summary>
    private static int FirstPartitionOf(int shard, int shards) => ((shard * TableKeys.Partitions) + shards - 1) / shards;
}

/// <summary>The phases a shard goes through; grading itself happens once, between measuring and writing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShardPhase>))]
public enum ShardPhase
{
    Measure,
    Write,
    Publish,
}
