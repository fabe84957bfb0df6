using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>What each store deletes when the retention sweep asks, and nothing beside it.</summary>
public sealed class RetentionDeletesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly JsonTypeInfo<string> Text = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_run_s_grades_go_in_every_partition_and_a_run_whose_id_extends_it_keeps_its_own()
    {
        var table = azurite.Account.Tables.GetTableClient(StorageNames.GradesTable);
        // "…-a-p001" makes partitions ("2026-09-a-p001-p…") that sort among run "2026-09-a"'s own.
        string[] ids = ["2026-09-a", "2026-09-a-p001", "2026-09-b"];
        var customers = Enumerable.Range(0, 300).Select(i => $"C{i}").ToList();
        foreach (var run in ids)
        {
            foreach (var group in customers.GroupBy(c => GradeEntities.PartitionKey(run, c)))
            {
                await table.SubmitTransactionAsync(group.Select(c => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace, new TableEntity(group.Key, GradeEntities.RowKey(c)) { ["Tier"] = "A" })));
            }
        }

        var deleted = await new GradeStore(azurite.Account).DeleteRunAsync("2026-09-a");

        Assert.Equal(300, deleted);
        Assert.Equal(0, await CountAsync(table, "2026-09-a", customers));
        Assert.Equal(300, await CountAsync(table, "2026-09-a-p001", customers));
        Assert.Equal(300, await CountAsync(table, "2026-09-b", customers));
        Assert.Equal(0, await new GradeStore(azurite.Account).DeleteRunAsync("2026-09-a"));
    }

    [Fact]
    public async Task Trimming_a_run_keeps_what_later_runs_and_the_portal_read_and_deleting_it_leaves_nothing()
    {
        var artifacts = new RunArtifacts(azurite.Account);
        foreach (var run in new[] { "2026-08-x", "2026-08-xy" })
        {
            await artifacts.WriteLinesAsync(RunArtifacts.MetricsPath(run, 0), ["m"], Text);
            await artifacts.WriteLinesAsync(RunArtifacts.GradesPath(run, 0), ["g"], Text);
            await artifacts.WriteLinesAsync(RunArtifacts.CarriedPath(run), ["c"], Text);
            await artifacts.WriteTextAsync(RunArtifacts.SummaryPath(run), "{}");
            await artifacts.WriteTextAsync(RunArtifacts.PolicyPath(run), "{}");
            await artifacts.WriteTextAsync(RunArtifacts.OverridesPath(run), "[]");
        }

        Assert.Equal(2, await artifacts.DeleteAsync("2026-08-x", workingFilesOnly: true));
        Assert.Equal(
            ["2026-08-x/carried.jsonl.gz", "2026-08-x/overrides.json", "2026-08-x/policy.json", "2026-08-x/summary.json"],
            await NamesAsync("2026-08-x/"));
        Assert.Equal(4, await artifacts.DeleteAsync("2026-08-x", workingFilesOnly: false));
        Assert.Empty(await NamesAsync("2026-08-x/"));
        Assert.Equal(6, (await NamesAsync("2026-08-xy/")).Count);
    }

    [Fact]
    public async Task Ingestions_that_ended_before_the_cut_are_listed_and_one_still_going_never_is()
    {
        var ledger = new IngestionLedger(azurite.Account);
        var cut = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await ledger.SaveAsync(Record("old-done", IngestionStatus.Succeeded, cut.AddDays(-1)));
        await ledger.SaveAsync(Record("old-failed", IngestionStatus.Failed, cut.AddDays(-40)));
        await ledger.SaveAsync(Record("old-going", IngestionStatus.Running, cut.AddDays(-40)));
        await ledger.SaveAsync(Record("new-done", IngestionStatus.Rejected, cut.AddSeconds(1)));

        var ended = await ledger.EndedBeforeAsync(cut);
        await ledger.DeleteAsync("old-done");

        Assert.Equal(["old-done", "old-failed"], ended.Order(StringComparer.Ordinal));
        Assert.Null(await ledger.GetAsync("old-done"));
        Assert.NotNull(await ledger.GetAsync("old-going"));
    }

    [Fact]
    public async Task Relayed_event_ids_recorded_before_the_cut_are_forgotten()
    {
        var ledger = new RelayedEventLedger(azurite.Account, TestKeys.Hasher);
        await ledger.RecordRelayedAsync("2026-07-r:C1", "m1");
        await ledger.RecordRelayedAsync("2026-07-r:C2", "m2");

        Assert.Equal(0, await ledger.ExpireAsync(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(2, await ledger.ExpireAsync(DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.False(await ledger.WasRelayedAsync("2026-07-r:C1"));
    }

    private static IngestionRecord Record(string id, IngestionStatus status, DateTimeOffset updatedAt) =>
        new() { Id = id, BlobName = $"customers/{id}.csv", ETag = "e", Status = status, CreatedAt = updatedAt.AddMinutes(-1), UpdatedAt = updatedAt };

    private static async Task<int> CountAsync(TableClient table, string runId, IEnumerable<string> customers)
    {
        var count = 0;
        foreach (var customer in customers)
        {
            count += (await table.GetEntityIfExistsAsync<TableEntity>(GradeEntities.PartitionKey(runId, customer), GradeEntities.RowKey(customer))).HasValue ? 1 : 0;
        }

        return count;
    }

    private async Task<List<string>> NamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in azurite.Account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer)
                           .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
