using System.Text.Json;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Runs;
using CustomerTiering.DevHost.Triggers;
using CustomerTiering.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The monthly timer through the dev host, on the schedule it has in production; the dev host's timer clock is a fake one
/// that the test moves on to the next occurrences: one run per month that ended, complete.
/// </summary>
public sealed class RegradeScheduleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int Customers = 120;
    private readonly FakeTimeProvider _timerClock = new(DateTimeOffset.UtcNow);
    private RunningApp _app = null!;
    private RegradeClient _regrade = null!;

    private StorageAccount Account => azurite.Account;

    public async Task InitializeAsync()
    {
        await SampleShop.SeedAsync(Account, Customers);
        _app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string>
        {
            ["RegradeSchedule"] = "0 0 2 1 * *",
            ["Regrade__Shards"] = "3",
        }, timerClock: _timerClock);
        _regrade = new RegradeClient(_app, Account);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_timer_makes_the_run_of_the_month_that_ended_once_and_a_complete_period_appears()
    {
        // The worker names the month from its own clock: the month that ended before today.
        var period = Domain.Periods.GradingPeriod.JustEnded(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        var runId = $"{period}-scheduled";
        var statuses = new ScheduleStatusStore(Account.Blobs, _app.HostId);
        await FireAsync(statuses);

        var view = await Eventually.ReturnsAsync<object>(async () =>
        {
            var runs = new RunStore(Account);
            return await runs.GetAsync(runId) is { Status: RunStatus.Succeeded } ? await _regrade.GetRunAsync(runId) : null;
        }, "the scheduled run to succeed", RegradeClient.RunTimeout);

        var current = await new PeriodStore(Account).ListAsync();
        Assert.Contains(current, p => p.Period == period && p.RunId == runId);
        var grades = await _regrade.GradesAsync(runId);
        Assert.Equal(Customers, grades.Count);
        var summary = ((JsonElement)view).GetProperty("summary").GetProperty("grading");
        Assert.Equal(Customers, summary.GetProperty("customers").GetInt32());
        Assert.Equal(Customers, summary.GetProperty("tiers").EnumerateArray().Sum(t => t.GetProperty("customers").GetInt32()));

        var snapshots = Account.Blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer);
        var csv = await snapshots.GetBlobClient($"{period}/grades.csv.gz").DownloadContentAsync();
        using var gzip = new System.IO.Compression.GZipStream(csv.Value.Content.ToStream(), System.IO.Compression.CompressionMode.Decompress);
        var lines = new StreamReader(gzip).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Customers + 1, lines.Length);
        Assert.StartsWith("CustomerId,Name,", lines[0], StringComparison.Ordinal);
        var parquet = await snapshots.GetBlobClient($"{period}/grades.parquet").DownloadContentAsync();
        var rows = (await Parquet.Serialization.ParquetSerializer.DeserializeAsync<Regrading.SnapshotRow>(parquet.Value.Content.ToStream())).Data;
        Assert.Equal(Customers, rows.Count);
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal), rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));

        // The timer fires again (a past-due firing after a restart, or a second instance's, would be the same): the
        // month's run stays the one run.
        await FireAsync(statuses);
        var scheduled = (await new RunStore(Account).RecentAsync(100)).Where(r => r.Trigger == "Scheduled").ToList();
        Assert.Single(scheduled);
    }

    /// <summary>Moves the timer clock to the schedule's next occurrence and returns once that firing has ended.</summary>
    private async Task FireAsync(ScheduleStatusStore statuses)
    {
        var due = (await Eventually.ReturnsAsync(() => statuses.ReadAsync("RegradeScheduled"), "the timer to be scheduled")).Next;
        _timerClock.SetUtcNow(due);
        await Eventually.HoldsAsync(async () => (await statuses.ReadAsync("RegradeScheduled"))?.Last == due, $"the firing due at {due:O} to end");
    }
}
