using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>One regrade at a time: the lock blob's lease, named after the run that holds it.</summary>
public sealed class RegradeLockTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private RegradeLock Lock => new(azurite.Account);

    public async Task InitializeAsync()
    {
        await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();
        await Lock.BreakAsync().ContinueWith(_ => { }, TaskScheduler.Default); // free from the test before, if it held it
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_second_run_is_refused_and_told_which_run_holds_the_lock_and_since_when()
    {
        Assert.Null(await Lock.TryAcquireAsync("2026-10-a", Now));

        var holder = await Lock.TryAcquireAsync("2026-10-b", Now.AddMinutes(5));

        Assert.Equal(new LockHolder("2026-10-a", Now), holder);
        Assert.Equal(holder, await Lock.HolderAsync());
        await Lock.ReleaseAsync("2026-10-a");
    }

    [Fact]
    public async Task The_holding_run_takes_the_lock_again_as_its_own_from_any_instance()
    {
        Assert.Null(await new RegradeLock(azurite.Account).TryAcquireAsync("2026-10-c", Now));

        Assert.Null(await new RegradeLock(azurite.Account).TryAcquireAsync("2026-10-c", Now.AddHours(1)));
        await Lock.ReleaseAsync("2026-10-c");
    }

    [Fact]
    public async Task A_released_lock_is_free_and_the_next_run_takes_it()
    {
        Assert.Null(await Lock.TryAcquireAsync("2026-10-d", Now));
        await Lock.ReleaseAsync("2026-10-d");

        Assert.Null(await Lock.HolderAsync());
        Assert.Null(await Lock.TryAcquireAsync("2026-10-e", Now));
        await Lock.ReleaseAsync("2026-10-e");
    }

    [Fact]
    public async Task A_run_that_does_not_hold_the_lock_cannot_release_it()
    {
        Assert.Null(await Lock.TryAcquireAsync("2026-10-f", Now));

        await Lock.ReleaseAsync("2026-10-g");

        Assert.Equal("2026-10-f", (await Lock.HolderAsync())?.RunId);
        await Lock.ReleaseAsync("2026-10-f");
    }

    [Fact]
    public async Task A_broken_lock_is_free_whoever_held_it()
    {
        Assert.Null(await Lock.TryAcquireAsync("2026-10-h", Now));

        await Lock.BreakAsync();

        Assert.Null(await Lock.HolderAsync());
        Assert.Null(await Lock.TryAcquireAsync("2026-10-i", Now));
        await Lock.ReleaseAsync("2026-10-i");
    }
}
