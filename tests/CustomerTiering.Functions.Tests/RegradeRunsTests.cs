using Azure.Storage.Blobs.Specialized;
using System.Text.Json;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage.TierOverrides;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Starting, failing and resuming runs, and the lock between them, against a real Azurite.</summary>
public sealed class RegradeRunsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private StorageAccount Account => azurite.Account;

    public async Task InitializeAsync() => await new StorageProvisioner(Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private RegradeRuns Runs(TimeProvider? clock = null) => new(new RunStore(Account), new PeriodStore(Account), new RegradeLock(Account), new RunArtifacts(Account),
        new OverrideStore(Account), new ShardDispatcher(new ShardMessages(Account)), clock ?? TimeProvider.System, NullLogger<RegradeRuns>.Instance);

    private static RegradeRequest Request(string runId, int shards = 3) =>
        new(runId, GradingPeriod.Parse(runId[..7]), GradingPeriod.Parse(runId[..7]).LastDay, TieringPolicy.Default, false, shards, "OnDemand");

    private async Task<List<ShardWork>> DrainShardQueueAsync()
    {
        var queue = Account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue);
        var work = new List<ShardWork>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                work.Add(JsonSerializer.Deserialize<ShardWork>(message.Body.ToString(), RegradeJson.Options)!);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return work;
    }

    [Fact]
    public async Task A_failed_run_frees_the_lock_and_resumes_in_the_phase_it_failed_in()
    {
        await DrainShardQueueAsync();
        var runs = Runs();
        var store = new RunStore(Account);
        var started = await runs.StartAsync(Request("2024-01-a"));
        Assert.Equal(3, (await DrainShardQueueAsync()).Count);
        await store.UpdateAsync("2024-01-a", r => r with { Measured = r.Measured.With(1), WritesHeld = true });

        await runs.FailAsync("2024-01-a", new IOException("disk on fire"));

        var failed = await store.GetAsync("2024-01-a");
        Assert.Equal(RunStatus.Failed, failed!.Status);
        Assert.Equal(RunStatus.Measuring, failed.FailedIn);
        Assert.Equal("IOException: disk on fire", failed.Error);
        Assert.Null(await new RegradeLock(Account).HolderAsync());

        // Failed while measuring: every shard measures again, since exports may have been written while it was failed.
        var resumed = await runs.ResumeAsync("2024-01-a");

        Assert.Equal(RunStatus.Measuring, resumed.Run!.Status);
        Assert.Null(resumed.Run.Error);
        Assert.Equal((0, false), (resumed.Run.Measured.Count, resumed.Run.WritesHeld));
        Assert.Equal("2024-01-a", (await new RegradeLock(Account).HolderAsync())!.RunId);
        Assert.Equal([0, 1, 2], (await DrainShardQueueAsync()).Select(w => w.Shard).Order());

        // Failed while writing: only the shards that had not written are queued again.
        await store.UpdateAsync("2024-01-a", r => r with { Status = RunStatus.Writing, Measured = new ShardSet("111"), Written = r.Written.With(1) });
        await runs.FailAsync("2024-01-a", new IOException("again"));
        var resumedWriting = await runs.ResumeAsync("2024-01-a");

        Assert.Equal(RunStatus.Writing, resumedWriting.Run!.Status);
        Assert.Equal([0, 2], (await DrainShardQueueAsync()).Select(w => w.Shard).Order());
        Assert.NotNull(started.Run);
        await runs.FailAsync("2024-01-a", new IOException("done with it"));
    }

    [Fact]
    public async Task A_lock_whose_release_died_half_way_blocks_for_a_moment_and_is_then_taken_over()
    {
        var runs = Runs();
        Assert.NotNull((await runs.StartAsync(Request("2024-04-a"))).Run);
        await runs.FailAsync("2024-04-a", new InvalidOperationException("over"));
        await DrainShardQueueAsync();

        // A release that cleared the holder and then failed to let go of the lease (storage throttled past its retries).
        var gate = new RegradeLock(Account);
        Assert.Null(await gate.TryAcquireAsync("2024-04-b", DateTimeOffset.UtcNow));
        await Account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer).GetBlobClient("regrade.lock")
            .SetMetadataAsync(new Dictionary<string, string>(), new Azure.Storage.Blobs.Models.BlobRequestConditions { LeaseId = RegradeLock.LeaseIdOf("2024-04-b") });

        var now = await runs.StartAsync(Request("2024-05-a"));
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(3));
        var afterwards = await Runs(later).StartAsync(Request("2024-05-a"));

        Assert.Equal("(a run that is starting)", now.BlockedBy);
        Assert.NotNull(afterwards.Run);
        await runs.FailAsync("2024-05-a", new InvalidOperationException("test over"));
        await DrainShardQueueAsync();
    }

    [Fact]
    public async Task A_start_that_meets_the_last_run_releasing_its_lock_waits_for_the_release_and_starts()
    {
        var runs = Runs();
        Assert.NotNull((await runs.StartAsync(Request("2024-06-a"))).Run);
        await new RunStore(Account).UpdateAsync("2024-06-a", r => r with { Status = RunStatus.Succeeded });
        await DrainShardQueueAsync();

        // The release's first call (the holder's name cleared), and a client that saw the run end starting the next one.
        var lockBlob = Account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer).GetBlobClient("regrade.lock");
        await lockBlob.SetMetadataAsync(new Dictionary<string, string>(), new Azure.Storage.Blobs.Models.BlobRequestConditions { LeaseId = RegradeLock.LeaseIdOf("2024-06-a") });
        var starting = runs.StartAsync(Request("2024-07-a"));
        await Task.Delay(100);
        await lockBlob.GetBlobLeaseClient(RegradeLock.LeaseIdOf("2024-06-a")).ReleaseAsync();
        var started = await starting;

        Assert.NotNull(started.Run);
        Assert.Equal("2024-07-a", (await new RegradeLock(Account).HolderAsync())!.RunId);
        await runs.FailAsync("2024-07-a", new InvalidOperationException("test over"));
        await DrainShardQueueAsync();
    }

    [Fact]
    public async Task A_lock_left_by_a_run_that_is_over_is_taken_over_but_a_going_run_blocks()
    {
        var runs = Runs();
        var going = await runs.StartAsync(Request("2024-02-a"));
        Assert.NotNull(going.Run);

        var blocked = await runs.StartAsync(Request("2024-03-a"));
        Assert.Equal("2024-02-a", blocked.BlockedBy);

        // The run ends, but its lock is never released (it died after marking itself finished).
        await new RunStore(Account).UpdateAsync("2024-02-a", r => r with { Status = RunStatus.Succeeded });
        var next = await runs.StartAsync(Request("2024-03-a"));

        Assert.NotNull(next.Run);
        Assert.Equal("2024-03-a", (await new RegradeLock(Account).HolderAsync())!.RunId);
        Assert.True((await runs.StartAsync(Request("2024-03-a"))).AlreadyExisted);
        await runs.FailAsync("2024-03-a", new InvalidOperationException("test over"));
        await DrainShardQueueAsync();
    }
}
