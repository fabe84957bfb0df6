using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>An ingestion's writing and a run's measuring wait for each other, so a run sees each export whole or not at all.</summary>
public sealed class ExportWriteGateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private ExportWriteGate Gate => new(azurite.Account, new RegradeLock(azurite.Account), new RunStore(azurite.Account), _clock);

    public async Task InitializeAsync()
    {
        await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();
        await new RegradeLock(azurite.Account).BreakAsync().ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_ingestion_writing_is_seen_until_it_leaves_and_a_marker_not_refreshed_in_time_goes_stale()
    {
        Assert.Null(await Gate.EnterAsync("ingestion-a"));
        Assert.Contains("ingestion-a", await Gate.WritingAsync());

        await Gate.LeaveAsync("ingestion-a");
        Assert.DoesNotContain("ingestion-a", await Gate.WritingAsync());

        await Gate.RefreshAsync("ingestion-b");
        _clock.Advance(ExportWriteGate.FreshFor + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("ingestion-b", await Gate.WritingAsync());
        await Gate.LeaveAsync("ingestion-b");
    }

    [Fact]
    public async Task An_ingestion_waits_with_its_marker_down_while_a_run_measures_and_writes_once_the_run_moves_on()
    {
        var runs = new RunStore(azurite.Account);
        await runs.CreateAsync(new RunRecord
        {
            Id = "2026-10-gate", Period = "2026-10", AsOf = new DateOnly(2026, 10, 31), PolicyVersion = "default-1", Trigger = "OnDemand",
            Status = RunStatus.Measuring, Shards = 1, Measured = ShardSet.Empty(1), Written = ShardSet.Empty(1), Published = ShardSet.Empty(1),
        });
        Assert.Null(await new RegradeLock(azurite.Account).TryAcquireAsync("2026-10-gate", _clock.GetUtcNow()));

        var entering = Gate.EnterAsync("ingestion-c");
        await Eventually.HoldsAsync(async () => !(await Gate.WritingAsync()).Contains("ingestion-c"), "the waiting ingestion's marker to come down");
        Assert.False(entering.IsCompleted);

        await runs.UpdateAsync("2026-10-gate", r => r with { Status = RunStatus.Writing });
        for (var step = 0; step < 500 && !entering.IsCompleted; step++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(entering, Task.Delay(20)); // a poll, as Eventually polls
        }

        Assert.True(entering.IsCompleted, "the ingestion still waits once the run has moved on");
        Assert.Equal("2026-10-gate", await entering);
        Assert.Contains("ingestion-c", await Gate.WritingAsync());
        await Gate.LeaveAsync("ingestion-c");
        await new RegradeLock(azurite.Account).ReleaseAsync("2026-10-gate");
    }
}
