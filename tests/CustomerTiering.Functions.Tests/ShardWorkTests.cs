using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using Xunit;

namespace CustomerTiering.Functions.Tests;

public sealed class ShardWorkTests
{
    [Fact]
    public void A_shard_reads_exactly_the_partitions_of_the_customers_it_grades_for_any_number_of_shards()
    {
        var customers = Enumerable.Range(0, 5000).Select(c => $"C{c}").ToList();
        for (var shards = 1; shards <= 256; shards++)
        {
            var covered = Enumerable.Range(0, shards).SelectMany(s => ShardWork.PartitionsOf(s, shards).Names).ToList();
            Assert.Equal(PartitionRange.All.Names, covered);
            foreach (var customer in customers)
            {
                var shard = ShardWork.ShardOf(customer, shards);
                Assert.Contains(TableKeys.PartitionOf(customer), ShardWork.PartitionsOf(shard, shards).Names);
            }
        }
    }
}
