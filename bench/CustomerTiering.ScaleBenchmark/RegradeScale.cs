using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage.TierOverrides;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>
/// One full regrade of a seeded Azurite, run by the real worker over the shard queue with two workers standing in for
/// two function instances; and in the same Azurite, the bare SDK reading the same entities and writing as many
/// grade-sized rows in 100-entity transactions, at the same number of requests in flight.
/// </summary>
internal static class RegradeScale
{
    private const int Workers = 2;
    private static readonly GradingPeriod Period = GradingPeriod.Parse("2026-10");

    public static async Task RunAsync(int customers, int orders, int parallelism, int shards)
    {
        Console.WriteLine($"Regrade benchmark: {customers:N0} customers, {orders:N0} orders, {shards} shards, {Workers} workers, {parallelism} requests in flight");
        // Azurite keeps every entity in its own heap: millions of them need more than node's default.
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=20000");
        var azurite = Testing.AzuriteFixture.Dedicated();
        await azurite.InitializeAsync();
        try
        {
            var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
            await new StorageProvisioner(account).EnsureCreatedAsync();
            var seedSeconds = await SeedAsync(account, customers, orders, parallelism);
            Console.WriteLine($"Seeded in {seedSeconds:N0} s ({(customers + orders) / seedSeconds:N0} rows/s)");

            var (readSeconds, entities) = await CeilingReadAsync(account, parallelism);
            var writeSeconds = await CeilingWriteAsync(account, customers, parallelism);
            var ceiling = readSeconds + writeSeconds;
            Console.WriteLine($"Raw SDK ceiling: read {entities:N0} entities in {readSeconds:N1} s ({entities / readSeconds:N0}/s), " +
                              $"wrote {customers:N0} grade rows in {writeSeconds:N1} s ({customers / writeSeconds:N0}/s): {ceiling:N1} s");

            GC.Collect();
            using var memory = new PeakMemory();
            var timer = Stopwatch.StartNew();
            var run = await RegradeAsync(account, parallelism, shards);
            var seconds = timer.Elapsed.TotalSeconds;
            var (peak, baseline) = memory.Stop();
            var measured = (run.GradedAt!.Value - run.CreatedAt).TotalSeconds;
            var written = (run.CommittedAt!.Value - run.GradedAt.Value).TotalSeconds;
            var published = (run.FinishedAt!.Value - run.CommittedAt.Value).TotalSeconds;
            Console.WriteLine($"Regrade: {run.Status}, {run.Customers:N0} customers, {run.Movers:N0} moved, {seconds:N1} s " +
                              $"(measure + grade {measured:N1} s, of which the engine {run.EngineMilliseconds / 1000.0:N1} s; write + snapshot + commit {written:N1} s; publish {published:N1} s)");
            Console.WriteLine($"Regrade reaches {100 * ceiling / seconds:N0}% of the raw ceiling; the engine is {100 * run.EngineMilliseconds / 1000.0 / seconds:N1}% of the time; " +
                              $"working set peak {peak / 1e6:N0} MB ({(peak - baseline) / 1e6:N0} MB above the start)");
            Console.WriteLine();
            Console.WriteLine("| customers | orders | regrade s | raw ceiling s | regrade / ceiling | engine share | working set peak MB |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {customers:N0} | {orders:N0} | {seconds:N0} | {ceiling:N0} | {100 * ceiling / seconds:N0}% | {100 * run.EngineMilliseconds / 1000.0 / seconds:N1}% | {peak / 1e6:N0} |");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// The one step of a run that is not spread over shards, at a size Azurite cannot be seeded to in reasonable time:
    /// every shard's metrics (synthetic, written straight to the run's blobs) and a previous period's carried grades,
    /// graded together, with the grade and carry-over files written. Time and the process's memory are what it shows.
    /// </summary>
    public static async Task GradingStepAsync(int customers, int shards)
    {
        Console.WriteLine($"Grading step: {customers:N0} customers in {shards} shards");
        var azurite = Testing.AzuriteFixture.Dedicated();
        await azurite.InitializeAsync();
        try
        {
            var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
            await new StorageProvisioner(account).EnsureCreatedAsync();
            var artifacts = new RunArtifacts(account);
            var random = new Random(42);
            var byShard = Enumerable.Range(0, shards).Select(_ => new List<StoredMetrics>()).ToArray();
            for (var c = 0; c < customers; c++)
            {
                var revenue = Math.Round((decimal)(20 / Math.Pow(1 - random.NextDouble(), 1 / 1.5)) * random.Next(1, 20), 2);
                var last = Period.LastDay.AddDays(-random.Next(0, 700));
                var first = last.AddDays(-random.Next(0, 700));
                var orders = random.Next(1, 30);
                // Every customer with a purchase history for the forecast, one in three with a payment record for the credit grade.
                var history = new PurchaseHistory(orders - 1, orders == 1 ? 0 : last.DayNumber - first.DayNumber, Period.LastDay.DayNumber - first.DayNumber, Math.Round(revenue / orders, 2));
                var credit = c % 3 == 0 ? new CreditRecord(random.Next(1, 12), random.Next(0, 40), random.NextDouble() / 2, random.Next(0, 100), revenue / 5, revenue / 2) : null;
                byShard[ShardWork.ShardOf(Id(c), shards)].Add(new StoredMetrics(Id(c), $"Customer {c}", CustomerType.Individual, $"Region {c % 7}", "Web", $"owner{c % 50}",
                    first, last, orders, revenue, revenue * 0.3m, random.Next(1, 6), revenue * (decimal)random.NextDouble() * 2, History: history, Credit: credit, CreditLimit: revenue / 2));
            }

            for (var shard = 0; shard < shards; shard++)
            {
                await artifacts.WriteLinesAsync(RunArtifacts.MetricsPath("2026-10-grading", shard), byShard[shard], GradeJson.Default.StoredMetrics);
            }

            string[] tiers = ["VIP", "A", "B", "C", "D"];
            await artifacts.WriteLinesAsync(RunArtifacts.CarriedPath("2026-09-grading"),
                Enumerable.Range(0, customers).Select(c => new CarriedGrade(Id(c), tiers[c % 5], c % 2, "2026-01")), GradeJson.Default.CarriedGrade);
            byShard = null;
            var run = new RunRecord
            {
                Id = "2026-10-grading", Period = Period.ToString(), AsOf = Period.LastDay, PolicyVersion = TieringPolicy.Default.Version, Trigger = "OnDemand",
                Shards = shards, Measured = ShardSet.Empty(shards), Written = ShardSet.Empty(shards), Published = ShardSet.Empty(shards),
                PreviousRunId = "2026-09-grading",
            };

            GC.Collect();
            using var memory = new PeakMemory();
            var timer = Stopwatch.StartNew();
            var graded = await new RunGrader(artifacts, new ErasedCustomers(account, TestKeys.Hasher), new GradingCapacity(Options.Create(new RegradeOptions()))).GradeAsync(run, TieringPolicy.Default);
            var seconds = timer.Elapsed.TotalSeconds;
            var (peak, baseline) = memory.Stop();
            Console.WriteLine($"Graded {graded.Customers:N0} customers ({graded.Movers:N0} moved) in {seconds:N1} s, the engine {graded.EngineMilliseconds / 1000.0:N1} s; " +
                              $"working set peak {peak / 1e6:N0} MB ({(peak - baseline) / 1e6:N0} MB above the start)");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<double> SeedAsync(StorageAccount account, int customers, int orders, int parallelism)
    {
        var timer = Stopwatch.StartNew();
        var random = new Random(42);
        var start = Period.LastDay.AddMonths(-24).AddDays(1);
        var now = DateTimeOffset.UtcNow;
        var customerWriter = new BatchWriter(account.Tables.GetTableClient(StorageNames.CustomersTable), parallelism);
        for (var c = 0; c < customers; c++)
        {
            var id = CustomerId.Create(Id(c));
            await customerWriter.AddAsync(CustomerEntities.ToEntity(
                new CustomerProfile(id, $"Customer {c}", c % 5 == 0 ? CustomerType.Enterprise : CustomerType.Individual, $"Region {c % 7}", "Web", $"owner{c % 50}"), "seed", now));
        }

        await customerWriter.FlushAsync();
        var orderWriter = new BatchWriter(account.Tables.GetTableClient(StorageNames.OrdersTable), parallelism);
        string[] categories = ["Tea", "Coffee", "Cups", "Kettles", "Gifts", "Snacks"];
        for (var o = 0; o < orders; o++)
        {
            var customer = (int)(customers * Math.Pow(random.NextDouble(), 2)); // some customers order far more often
            var amount = Math.Round((decimal)(20 / Math.Pow(1 - random.NextDouble(), 1 / 1.5)), 2);
            var order = new Order(string.Create(CultureInfo.InvariantCulture, $"SO-{o:D9}"), CustomerId.Create(Id(customer)),
                start.AddDays(random.Next(0, 730)), amount, amount * 0.3m, categories[random.Next(categories.Length)]);
            await orderWriter.AddAsync(CustomerEntities.ToEntity(order, "CNY", "seed", now));
            if (o % 1_000_000 == 999_999)
            {
                Console.WriteLine($"  seeded {o + 1:N0} orders, {(o + 1) / timer.Elapsed.TotalSeconds:N0} rows/s");
            }
        }

        await orderWriter.FlushAsync();
        return timer.Elapsed.TotalSeconds;
    }

    private static string Id(int customer) => string.Create(CultureInfo.InvariantCulture, $"C{customer:D7}");

    private static async Task<(double Seconds, long Entities)> CeilingReadAsync(StorageAccount account, int parallelism)
    {
        var timer = Stopwatch.StartNew();
        long entities = 0;
        // Read as the run reads: a slice of the partitions per reader, one range query per table.
        await Parallel.ForEachAsync(PartitionRange.All.Split(parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (range, ct) =>
        {
            foreach (var table in new[] { StorageNames.CustomersTable, StorageNames.OrdersTable })
            {
                await foreach (var page in account.Tables.GetTableClient(table).QueryAsync<TableEntity>(range.Filter, cancellationToken: ct).AsPages())
                {
                    Interlocked.Add(ref entities, page.Values.Count);
                }
            }
        });
        return (timer.Elapsed.TotalSeconds, entities);
    }

    private static async Task<double> CeilingWriteAsync(StorageAccount account, int customers, int parallelism)
    {
        var table = account.Tables.GetTableClient("RawGrades");
        await table.CreateIfNotExistsAsync();
        var reasons = GradeExplainerSample();
        var timer = Stopwatch.StartNew();
        var pending = new Dictionary<string, List<TableTransactionAction>>();
        var inFlight = new List<Task>();
        for (var c = 0; c < customers; c++)
        {
            var grade = new StoredGrade
            {
                CustomerId = Id(c), Name = $"Customer {c}", Type = "Individual", Region = "Region 1", Channel = "Web", Owner = "owner1",
                Period = Period.ToString(), RunId = "2026-10-raw", PolicyVersion = "default-1", Tier = "B", Movement = TierMovement.Same, TierSince = "2026-01",
                Segment = "Loyal", Abc = "B", Lifecycle = "Stable", NetRevenue = 1234.56m, Reasons = reasons,
            };
            var entity = GradeEntities.ToEntity(grade);
            if (!pending.TryGetValue(entity.PartitionKey, out var batch))
            {
                pending[entity.PartitionKey] = batch = new List<TableTransactionAction>(100);
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            if (batch.Count == 100)
            {
                pending.Remove(entity.PartitionKey);
                await RawCeiling.SubmitAsync(table, batch, inFlight, parallelism);
            }
        }

        foreach (var batch in pending.Values)
        {
            await RawCeiling.SubmitAsync(table, batch, inFlight, parallelism);
        }

        await Task.WhenAll(inFlight);
        var seconds = timer.Elapsed.TotalSeconds;
        await table.DeleteAsync(); // so the regrade after it meets an Azurite no fuller than the ceiling did
        return seconds;
    }

    private static IReadOnlyList<GradeReason> GradeExplainerSample() =>
    [
        new(ReasonCode.TierByRank, "B", Value: 61.2, Share: 0.12, Required: 0.20, Threshold: 55.1),
        new(ReasonCode.NextTier, "A", Value: 61.2, Threshold: 72.4),
        new(ReasonCode.Monetary, Value: 1234.56, Share: 0.18, Count: 12),
        new(ReasonCode.Frequency, Count: 7, Share: 0.22),
        new(ReasonCode.Recency, Count: 18),
        new(ReasonCode.Segment, "Loyal", "R4 F4 M3"),
        new(ReasonCode.Abc, "B", Share: 0.71, Required: 0.95),
        new(ReasonCode.Lifecycle, "Stable", Share: 0.03f),
    ];

    /// <summary>The run as the function app makes it: started, then its shard messages taken by <see cref="Workers"/> workers until it ends.</summary>
    private static async Task<RunRecord> RegradeAsync(StorageAccount account, int parallelism, int shards)
    {
        var options = Options.Create(new RegradeOptions { Shards = shards, ReadParallelism = Math.Max(1, parallelism / Workers), WriteParallelism = Math.Max(1, parallelism / Workers) });
        var clock = TimeProvider.System;
        var runs = new RunStore(account);
        var artifacts = new RunArtifacts(account);
        var dispatcher = new ShardDispatcher(new ShardMessages(account));
        var regradeRuns = new RegradeRuns(runs, new PeriodStore(account), new RegradeLock(account), artifacts, new OverrideStore(account), dispatcher, clock, NullLogger<RegradeRuns>.Instance);
        var worker = new RegradeWorker(runs, new PeriodStore(account), new RegradeLock(account), new ExportWriteGate(account, new RegradeLock(account), runs, clock), artifacts, dispatcher,
            new ShardMeasurer(new CustomerHistoryReader(account), artifacts, new ErasedCustomers(account, TestKeys.Hasher), options), new RunGrader(artifacts, new ErasedCustomers(account, TestKeys.Hasher), new GradingCapacity(options)), new GradeStore(account),
            new GradeSnapshot(new SnapshotStore(account), artifacts), new PendingEvents(account), NoFaults.Instance, options, clock, NullLogger<RegradeWorker>.Instance);

        var started = await regradeRuns.StartAsync(new RegradeRequest("2026-10-bench", Period, Period.LastDay, TieringPolicy.Default, false, shards, "OnDemand"));
        var queue = account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (!(await runs.GetAsync(started.Run!.Id))!.IsFinished)
            {
                var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(30))).Value;
                if (message is null)
                {
                    await Task.Delay(200);
                    continue;
                }

                await worker.HandleAsync(System.Text.Json.JsonSerializer.Deserialize<ShardWork>(message.Body.ToString(), RegradeJson.Options)!);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }));
        return (await runs.GetAsync(started.Run!.Id))!;
    }
}
