using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CustomerTiering.Storage.Tests;

public sealed class PartitionRangeTests
{
    [Property(MaxTest = 300)]
    public bool A_split_covers_the_range_with_contiguous_non_empty_slices_in_order(byte first, byte count, PositiveInt parts)
    {
        var range = new PartitionRange(first, Math.Min(TableKeys.Partitions, first + count));
        var slices = range.Split(Math.Min(parts.Get, 300));
        var names = slices.SelectMany(s => s.Names).ToList();
        return names.SequenceEqual(range.Names)
            && slices.All(s => s.Count > 0)
            && slices.Count == Math.Min(Math.Min(parts.Get, 300), range.Count)
            && slices.Zip(slices.Skip(1)).All(pair => pair.First.End == pair.Second.First);
    }

    [Fact]
    public void The_whole_range_is_queried_up_to_a_bound_past_the_last_partition()
    {
        Assert.Equal(256, PartitionRange.All.Names.Count());
        Assert.Equal("PartitionKey ge 'p000' and PartitionKey lt 'p256'", PartitionRange.All.Filter);
        Assert.Equal("PartitionKey ge 'p064' and PartitionKey lt 'p128'", PartitionRange.All.Slice(1, 4).Filter);
        Assert.True(string.CompareOrdinal("p255", "p256") < 0);
    }

    [Fact]
    public void A_range_outside_the_partitions_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionRange(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionRange(0, 257));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionRange(5, 4));
    }
}
