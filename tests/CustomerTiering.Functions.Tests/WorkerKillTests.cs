using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The worker killed (SIGKILL) at random moments of a regrade, of its event publishing and of an ingestion: the dev host
/// starts a new one, the queues hand the work out again, and each ends exactly as a clean one, every event relayed once
/// and every row written once. The seeds are printed, so a failure can be replayed.
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[LongScenario]
public sealed class WorkerKillTests(WorkerKillTests.Shop shop, ITestOutputHelper output) : IClassFixture<WorkerKillTests.Shop>
{
    private const int Customers = 160;

    public static TheoryData<int> RegradeSeeds => ReliabilityMode.Seeds(11);

    public static TheoryData<int> PublishSeeds => ReliabilityMode.Seeds(21);

    public static TheoryData<int> IngestionSeeds => ReliabilityMode.Seeds(31);

    [Theory]
    [MemberData(nameof(RegradeSeeds))]
    public async Task A_run_whose_worker_is_killed_at_random_moments_ends_as_a_clean_run_with_each_event_relayed_once(int seed)
    {
        var app = shop.App;
        var regrade = new RegradeClient(app, shop.Account);
        var (period, clean, cleanEvents) = await CleanRunAsync(regrade, seed);

        var random = new Random(seed);
        var killed = await regrade.StartAsync(new { period });
        // The first kill comes within 200 ms of the start, while the shards measure (a run takes seconds); the next
        // ones wait for the restarted worker and land wherever the run has got to.
        var kills = await KillAsync(app, random, firstWithin: 200, async () => (await regrade.GetRunAsync(killed)).GetProperty("run").GetProperty("isFinished").GetBoolean());
        output.WriteLine($"seed {seed}: the worker was killed {kills} time(s) during run {killed}");
        await regrade.WaitAsync(killed);
        var events = await RegradeRecoveryTests.RelayedEventsAsync(shop.Account, killed, await regrade.ExpectedEventsAsync(killed));

        Assert.True(kills > 0, $"seed {seed}: the run ended before the worker could be killed");
        Assert.Equal(await regrade.GradesAsync(clean), await regrade.GradesAsync(killed));
        Assert.Equal(RegradeRecoveryTests.Normalised(cleanEvents, clean), RegradeRecoveryTests.Normalised(events, killed));
    }

    [Theory]
    [MemberData(nameof(PublishSeeds))]
    public async Task A_run_whose_worker_is_killed_while_it_publishes_and_relays_relays_each_event_once(int seed)
    {
        var app = shop.App;
        var regrade = new RegradeClient(app, shop.Account);
        var (period, clean, cleanEvents) = await CleanRunAsync(regrade, seed);

        var random = new Random(seed);
        var killed = await regrade.StartAsync(new { period });
        var runs = new RunStore(shop.Account);
        await Eventually.HoldsAsync(async () => (await runs.GetAsync(killed))!.Status >= RunStatus.Publishing, $"run {killed} to publish", RegradeClient.RunTimeout);
        // Publishing queues the events and the relay sends them on, a few hundred in about a second: kill within it, and
        // again while the relay has some left.
        var kills = await KillAsync(app, random, firstWithin: 100, RegradeRecoveryTests.RelayDrained(shop.Account, killed));
        output.WriteLine($"seed {seed}: the worker was killed {kills} time(s) while run {killed} published {cleanEvents.Count} events");
        await regrade.WaitAsync(killed);
        var events = await RegradeRecoveryTests.RelayedEventsAsync(shop.Account, killed, cleanEvents.Count);

        Assert.True(kills > 0, $"seed {seed}: every event was relayed before the worker could be killed");
        Assert.Equal(RegradeRecoveryTests.Normalised(cleanEvents, clean), RegradeRecoveryTests.Normalised(events, killed));
    }

    [Theory]
    [MemberData(nameof(IngestionSeeds))]
    public async Task An_ingestion_whose_worker_is_killed_at_random_moments_writes_every_row_once(int seed)
    {
        const int orders = 40_000;
        var app = shop.App;
        var prefix = $"K{seed}-";
        var content = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(0, orders)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:00000},C{i % Customers:0000},2026-04-{1 + (i % 28):00},{5 + (i % 300)}.50\n")));
        var name = $"orders-{seed}";
        var upload = ExportUploads.IngestAsync(app, "orders", content, TimeSpan.FromSeconds(120), name);

        var random = new Random(seed);
        var ledger = new IngestionLedger(shop.Account);
        async Task<IngestionRecord?> RecordAsync() => (await ledger.RecentAsync(20)).SingleOrDefault(r => r.BlobName.Contains(name, StringComparison.Ordinal));
        // The upload records the file before any attempt: wait for the first attempt to start.
        await Eventually.HoldsAsync(async () => await RecordAsync() is { Attempts: > 0 }, "the ingestion to start");
        // Each kill after the first waits for the host's next delivery of the blob event to start another attempt, so
        // that every kill cuts an attempt short.
        var kills = await KillAsync(app, random, firstWithin: 1500, async () => (await RecordAsync())!.IsFinished, async k => (await RecordAsync())!.Attempts > k);
        output.WriteLine($"seed {seed}: the worker was killed {kills} time(s) during the ingestion of {orders} orders");

        Assert.Equal("succeeded", await upload);
        var record = (await RecordAsync())!;
        Assert.True(kills > 0 && record.Attempts == kills + 1, $"seed {seed}: {kills} kill(s), {record.Attempts} attempt(s)");
        Assert.Equal((IngestionStatus.Succeeded, orders, orders, orders), (record.Status, record.Rows, record.Accepted, record.Written));
        var table = shop.Account.Tables.GetTableClient(StorageNames.OrdersTable);
        var written = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId ge {prefix} and OrderId lt {prefix + "~"}"), select: ["OrderId", "Amount"]).ToListAsync();
        Assert.Equal(orders, written.Count);
        Assert.Equal(orders, written.Select(e => e.GetString("OrderId")).Distinct().Count());
        Assert.All(written, e => Assert.Equal(5 + (int.Parse(e.GetString("OrderId")[prefix.Length..], CultureInfo.InvariantCulture) % 300) + 0.5m, decimal.Parse(e.GetString("Amount"), CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Grades the month before the seed's period (so that the period has movers and events), then the period itself,
    /// cleanly: the run and the events the killed run must equal.
    /// </summary>
    private async Task<(string Period, string RunId, List<JsonElement> Events)> CleanRunAsync(RegradeClient regrade, int seed)
    {
        // By the seed's last digit, months with buyers before and after them: 2025-07 to 2026-04 for seeds 1x, 2026-01
        // to 2026-10 for 2x (months in which dozens of customers move, so that the relay takes long enough to be cut).
        var period = new DateOnly(seed < 20 ? 2025 : 2026, seed < 20 ? 6 : 1, 1).AddMonths(seed % 10);
        await regrade.RunAsync(new { period = period.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture) });
        var month = period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var clean = await regrade.RunAsync(new { period = month });
        var events = await RegradeRecoveryTests.RelayedEventsAsync(shop.Account, clean, await regrade.ExpectedEventsAsync(clean));
        Assert.NotEmpty(events);
        return (month, clean, events);
    }

    /// <summary>
    /// Kills the worker up to three times: first within <paramref name="firstWithin"/> ms, then 0.3–1.5 s after each new
    /// worker runs (and <paramref name="resumed"/>, given the kills so far, holds), unless the work is done by then.
    /// Returns how many times it was killed.
    /// </summary>
    private static async Task<int> KillAsync(RunningApp app, Random random, int firstWithin, Func<Task<bool>> done, Func<int, Task<bool>>? resumed = null)
    {
        var kills = 0;
        for (var k = 0; k < 3; k++)
        {
            if (k > 0 && resumed is not null)
            {
                await Eventually.HoldsAsync(() => resumed(kills), "the work to resume", TimeSpan.FromSeconds(60));
            }

            await Task.Delay(k == 0 ? random.Next(0, firstWithin) : random.Next(300, 1500));
            var worker = await Eventually.ReturnsAsync(() => Task.FromResult(app.WorkerProcessId?.ToString(CultureInfo.InvariantCulture)), "a worker to run");
            if (await done())
            {
                break;
            }

            using var process = Process.GetProcessById(int.Parse(worker, CultureInfo.InvariantCulture));
            process.Kill();
            kills++;
        }

        return kills;
    }

    /// <summary>
    /// The shop and one app for the class: a killed worker is replaced by the dev host, as in production, so each test
    /// starts on a running app; the tests' periods and export names are their own.
    /// </summary>
    public sealed class Shop : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Regrade__Shards"] = "4" };

        protected override Task SeedAsync() => SampleShop.SeedAsync(Account, Customers);
    }
}
