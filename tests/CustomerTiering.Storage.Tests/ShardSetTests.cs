using CustomerTiering.Storage.Runs;
using Xunit;

namespace CustomerTiering.Storage.Tests;

public sealed class ShardSetTests
{
    [Fact]
    public void Marking_a_shard_twice_changes_nothing_and_the_set_is_complete_when_every_shard_is_in()
    {
        var set = ShardSet.Empty(3).With(1).With(1);

        Assert.Equal("010", set.Mask);
        Assert.Equal(1, set.Count);
        Assert.Equal([0, 2], set.Missing());
        Assert.False(set.IsComplete);
        Assert.True(set.With(0).With(2).IsComplete);
    }

    [Fact]
    public void The_lease_id_of_a_run_is_the_same_everywhere_and_differs_between_runs()
    {
        Assert.Equal(RegradeLock.LeaseIdOf("2026-10-scheduled"), RegradeLock.LeaseIdOf("2026-10-scheduled"));
        Assert.NotEqual(RegradeLock.LeaseIdOf("2026-10-scheduled"), RegradeLock.LeaseIdOf("2026-11-scheduled"));
        Assert.True(Guid.TryParse(RegradeLock.LeaseIdOf("x"), out _));
    }
}
