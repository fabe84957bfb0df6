using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Functions.Retention;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The daily sweep on a real store: what is old goes from every table and file, what is current stays.</summary>
public sealed class RetentionSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly JsonTypeInfo<string> Text = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));

    // Far enough ahead that an event id claimed now is past its 90 days.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow.AddDays(100));

    private StorageAccount Account => azurite.Account;

    public async Task InitializeAsync() => await new StorageProvisioner(Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Old_ingestions_periods_and_runs_go_with_their_files_and_the_current_period_stays_whole()
    {
        var now = clock.GetUtcNow();
        var current = GradingPeriod.JustEnded(DateOnly.FromDateTime(now.UtcDateTime)).ToString();
        var old = GradingPeriod.Of(DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-30))).ToString();
        var (oldRun, currentRun, supersededRun) = ($"{old}-scheduled", $"{current}-20260101000000-ab12", $"{current}-scheduled");
        await StoreRunAsync(old, oldRun, now.AddMonths(-30), committed: true);
        await StoreRunAsync(current, supersededRun, now.AddDays(-95), committed: false);
        await StoreRunAsync(current, currentRun, now.AddDays(-94), committed: true);
        await StoreIngestionAsync("ended-long-ago", now.AddDays(-181));
        await StoreIngestionAsync("ended-yesterday", now.AddDays(-1));
        var relayed = new RelayedEventLedger(Account, TestKeys.Hasher);
        await relayed.RecordRelayedAsync($"{oldRun}:C1", "m1");

        var regradeLock = new RegradeLock(Account);
        await regradeLock.TryAcquireAsync($"{current}-busy", now);
        Assert.Null(await Sweep().SweepAsync(CancellationToken.None));
        Assert.NotNull(await new IngestionLedger(Account).GetAsync("ended-long-ago"));
        await regradeLock.ReleaseAsync($"{current}-busy");

        var swept = await Sweep().SweepAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(Ingestions: 1, Periods: 1, Runs: 2, Grades: 4, RunFiles: 6 + 6 + 2, RelayedEvents: 1), swept);
        Assert.Equal([current], (await new PeriodStore(Account).ListAsync()).Select(p => p.Period));
        Assert.Equal([currentRun], (await new RunStore(Account).RecentAsync(10)).Select(r => r.Id));
        Assert.Equal(2, await GradeRowsAsync(currentRun));
        Assert.Equal(0, await GradeRowsAsync(oldRun) + await GradeRowsAsync(supersededRun));
        Assert.Equal(
            [$"{currentRun}/carried.jsonl.gz", $"{currentRun}/overrides.json", $"{currentRun}/policy.json", $"{currentRun}/summary.json", "regrade.lock"],
            await BlobsAsync(StorageNames.RunsContainer));
        Assert.Equal([SnapshotStore.CsvPath(current), SnapshotStore.ParquetPath(current)], await BlobsAsync(StorageNames.SnapshotsContainer));
        Assert.Equal([ReportStore.RejectedRowsPath("ended-yesterday"), ReportStore.ReportPath("ended-yesterday")], await BlobsAsync(StorageNames.ReportsContainer));
        Assert.Null(await new IngestionLedger(Account).GetAsync("ended-long-ago"));

        Assert.Equal(new RetentionResult(0, 0, 0, 0, 0, 0), await Sweep().SweepAsync(CancellationToken.None));
    }

    private RetentionSweep Sweep() => new(
        new IngestionLedger(Account), new ReportStore(Account), new PeriodStore(Account), new RunStore(Account), new GradeStore(Account),
        new RunArtifacts(Account), new SnapshotStore(Account), new RelayedEventLedger(Account, TestKeys.Hasher), new RegradeLock(Account),
        clock, Microsoft.Extensions.Options.Options.Create(new RetentionOptions()), NullLogger<RetentionSweep>.Instance);

    private async Task StoreRunAsync(string period, string runId, DateTimeOffset finishedAt, bool committed)
    {
        await new RunStore(Account).CreateAsync(new RunRecord
        {
            Id = runId, Period = period, AsOf = GradingPeriod.Parse(period).LastDay, PolicyVersion = "v1", Trigger = "Scheduled",
            Status = RunStatus.Succeeded, Shards = 1, Measured = new("1"), Written = new("1"), Published = new("1"),
            CreatedAt = finishedAt.AddHours(-1), FinishedAt = finishedAt,
        });
        var grades = Account.Tables.GetTableClient(StorageNames.GradesTable);
        foreach (var customer in new[] { "C1", "C2" })
        {
            await grades.UpsertEntityAsync(new TableEntity(GradeEntities.PartitionKey(runId, customer), GradeEntities.RowKey(customer)) { ["Tier"] = "A" });
        }

        var artifacts = new RunArtifacts(Account);
        await artifacts.WriteLinesAsync(RunArtifacts.MetricsPath(runId, 0), ["m"], Text);
        await artifacts.WriteLinesAsync(RunArtifacts.GradesPath(runId, 0), ["g"], Text);
        await artifacts.WriteLinesAsync(RunArtifacts.CarriedPath(runId), ["c"], Text);
        await artifacts.WriteTextAsync(RunArtifacts.SummaryPath(runId), "{}");
        await artifacts.WriteTextAsync(RunArtifacts.PolicyPath(runId), "{}");
        await artifacts.WriteTextAsync(RunArtifacts.OverridesPath(runId), "[]");
        if (committed)
        {
            await new PeriodStore(Account).CommitAsync(new CommittedPeriod(period, runId, "v1", GradingPeriod.Parse(period).LastDay, finishedAt));
            foreach (var path in new[] { SnapshotStore.CsvPath(period), SnapshotStore.ParquetPath(period) })
            {
                await new SnapshotStore(Account).UploadAsync(path, new MemoryStream([1]), "application/octet-stream", runId, "v1");
            }
        }
    }

    private async Task StoreIngestionAsync(string id, DateTimeOffset endedAt)
    {
        await new IngestionLedger(Account).SaveAsync(new IngestionRecord
        {
            Id = id, BlobName = $"customers/{id}.csv", ETag = "e", Status = IngestionStatus.PartiallySucceeded, CreatedAt = endedAt.AddMinutes(-1), UpdatedAt = endedAt,
        });
        var reports = new ReportStore(Account);
        await reports.SaveReportAsync(id, new { rows = 1 });
        await reports.SaveRejectedRowsAsync(id, async stream =>
        {
            await stream.WriteAsync("row,error\n"u8.ToArray());
            return true;
        });
    }

    private async Task<int> GradeRowsAsync(string runId) =>
        await new[] { "C1", "C2" }.ToAsyncEnumerable()
            .CountAsync(async (c, ct) => (await Account.Tables.GetTableClient(StorageNames.GradesTable)
                .GetEntityIfExistsAsync<TableEntity>(GradeEntities.PartitionKey(runId, c), GradeEntities.RowKey(c), cancellationToken: ct)).HasValue);

    private async Task<List<string>> BlobsAsync(string container)
    {
        var names = new List<string>();
        await foreach (var blob in Account.Blobs.GetBlobContainerClient(container).GetBlobsAsync(
                           Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, default))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
