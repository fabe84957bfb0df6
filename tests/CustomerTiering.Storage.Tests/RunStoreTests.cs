using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>The runs table: shards of one run finish at once on several instances, and no shard's mark may be lost.</summary>
public sealed class RunStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private RunStore Runs => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static RunRecord Run(string id, int shards) => new()
    {
        Id = id, Period = id[..7], AsOf = new DateOnly(2026, 10, 31), PolicyVersion = "default-1", Trigger = "OnDemand", Status = RunStatus.Measuring,
        Shards = shards, Measured = ShardSet.Empty(shards), Written = ShardSet.Empty(shards), Published = ShardSet.Empty(shards),
    };

    [Fact]
    public async Task Marks_of_every_shard_made_at_once_by_separate_instances_are_all_kept()
    {
        await Runs.CreateAsync(Run("2026-10-marks", 24));

        // Each shard through its own store, as on its own instance: each read-modify-write races the others.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(shard =>
            new RunStore(azurite.Account).UpdateAsync("2026-10-marks", r => r with { Measured = r.Measured.With(shard) })));

        Assert.True((await Runs.GetAsync("2026-10-marks"))!.Measured.IsComplete);
    }

    [Fact]
    public async Task A_change_that_declines_leaves_the_run_as_stored()
    {
        await Runs.CreateAsync(Run("2026-10-declined", 2));

        var after = await Runs.UpdateAsync("2026-10-declined", _ => null);

        Assert.Equal(await Runs.GetAsync("2026-10-declined"), after);
        Assert.Equal(RunStatus.Measuring, after!.Status);
    }

    [Fact]
    public async Task A_run_is_created_once_and_an_unknown_one_is_not_updated()
    {
        Assert.True(await Runs.CreateAsync(Run("2026-10-once", 2)));
        Assert.False(await Runs.CreateAsync(Run("2026-10-once", 3) with { Trigger = "Scheduled" }));

        Assert.Equal(("OnDemand", 2), ((await Runs.GetAsync("2026-10-once"))!.Trigger, (await Runs.GetAsync("2026-10-once"))!.Shards));
        Assert.Null(await Runs.UpdateAsync("2026-10-nowhere", r => r with { Status = RunStatus.Failed }));
    }
}
