using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.Privacy;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>
/// Erasing a batch of customers from a large store, with the worker's own services in this process on a dedicated
/// Azurite: the customers and orders exports ingested by the real ingestion (two orders of each erased customer bad, so
/// the rejected rows name them), then as many periods as asked, each with its run's grade rows, carried grades and
/// snapshot (CSV and Parquet, written by the real snapshot writer); the last three runs keep their shards' grade files,
/// as retention leaves them. Time and this process's working set are measured around the erasure alone.
/// </summary>
internal static class ErasureScale
{
    private const int Shards = 8;
    private const int Parallelism = 8;

    public static async Task RunAsync(int customers, int periods, int erased)
    {
        Console.WriteLine($"Erasure benchmark: {erased:N0} of {customers:N0} customers, {periods} graded periods");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=20000");
        var azurite = AzuriteFixture.Dedicated();
        await azurite.InitializeAsync();
        try
        {
            using var host = AppHost(azurite.ConnectionString);
            var services = host.Services;
            var account = services.GetRequiredService<StorageAccount>();
            await new StorageProvisioner(account).EnsureCreatedAsync();
            // Spread over the id range, so every shard, partition and row group holds some.
            var subjects = Enumerable.Range(0, erased).Select(i => Id((int)((long)i * customers / erased) + 7)).ToHashSet(StringComparer.Ordinal);

            var seed = Stopwatch.StartNew();
            await IngestAsync(services, "customers/customers.csv", CustomersCsv(customers));
            await IngestAsync(services, "orders/orders.csv", OrdersCsv(customers, subjects));
            Console.WriteLine($"Ingested the exports in {seed.Elapsed.TotalSeconds:N0} s");
            foreach (var (period, index) in Periods(periods).Select((p, i) => (p, i)))
            {
                await SeedPeriodAsync(services, period, customers, keepShardFiles: index >= periods - 3);
                Console.WriteLine($"Seeded {period} ({seed.Elapsed.TotalSeconds:N0} s)");
            }

            var now = DateTimeOffset.UtcNow;
            await services.GetRequiredService<ErasedCustomers>().AddAsync([.. subjects], now);
            var request = new ErasureRequest { Id = ErasureRequests.NewId(now), RequestedAt = now, RequestedBy = new Actor("benchmark", "Erasure benchmark"), Customers = subjects.Count, Status = ErasureStatus.Pending };
            await services.GetRequiredService<ErasureRequests>().CreateAsync(request, new ErasureSubjects([.. subjects]));

            // The seeding's heap handed back to the system, so that the working set's rise is the erasure's own.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var memory = new PeakMemory();
            var timer = Stopwatch.StartNew();
            var applied = await services.GetRequiredService<CustomerErasure>().ApplyPendingAsync("erasure-benchmark");
            var seconds = timer.Elapsed.TotalSeconds;
            var (peak, baseline) = memory.Stop();
            var done = await services.GetRequiredService<ErasureRequests>().GetAsync(request.Id);
            var removed = string.Join(", ", done!.Removed!.Select(r => $"{r.Key} {r.Value:N0}"));
            Console.WriteLine($"Erasure: {applied} request(s), {done.Status}, {seconds:N1} s; removed {removed}; " +
                              $"working set peak {peak / 1e6:N0} MB ({(peak - baseline) / 1e6:N0} MB above the start)");
            var left = await LeftInSnapshotsAsync(services, subjects);
            Console.WriteLine(left == 0 ? "No snapshot line names an erased customer." : $"{left} snapshot line(s) still name an erased customer!");
            Console.WriteLine();
            Console.WriteLine("| customers | periods | erased | erasure s | working set peak MB (above start) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {customers:N0} | {periods} | {erased} | {seconds:N1} | {peak / 1e6:N0} ({(peak - baseline) / 1e6:N0}) |");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The worker's services as its composition root makes them, on the benchmark's Azurite.</summary>
    private static IHost AppHost(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.DataConnection] = connectionString,
            ["TierChangesTopic"] = "benchmark-tier-changes",
            ["Privacy:ErasureKey"] = TestKeys.ErasureKey,
        });
        builder.AddTelemetry();
        builder.AddCustomerTiering();
        return builder.Build();
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"C{i:D7}");

    private static IEnumerable<string> Periods(int count)
    {
        var last = GradingPeriod.Parse("2026-10");
        var first = Enumerable.Range(1, count - 1).Aggregate(last, (p, _) => p.Previous);
        for (var p = first; p <= last; p = GradingPeriod.Of(p.LastDay.AddDays(1)))
        {
            yield return p.ToString();
        }
    }

    private static string CustomersCsv(int customers)
    {
        var csv = new StringBuilder("Customer ID,Name,Email,Region,Owner\n");
        for (var c = 0; c < customers; c++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Id(c)},Customer {c},customer{c}@mail.example,Region {c % 7},Owner {c % 50}\n");
        }

        return csv.ToString();
    }

    /// <summary>Two orders a customer, and for each erased one an order whose amount is not a number.</summary>
    private static string OrdersCsv(int customers, HashSet<string> subjects)
    {
        var csv = new StringBuilder("Order ID,Customer ID,Order Date,Amount\n");
        var start = new DateOnly(2024, 11, 1);
        for (var c = 0; c < customers; c++)
        {
            for (var k = 0; k < 2; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"O{c:D7}-{k},{Id(c)},{start.AddDays((c * 7 + k * 300) % 720):yyyy-MM-dd},{(c * 37 % 500) + 10}.50\n");
            }

            if (subjects.Contains(Id(c)))
            {
                csv.Append(CultureInfo.InvariantCulture, $"O{c:D7}-X,{Id(c)},2026-01-05,lots\n");
            }
        }

        return csv.ToString();
    }

    private static async Task IngestAsync(IServiceProvider services, string blobName, string content)
    {
        var account = services.GetRequiredService<StorageAccount>();
        await account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);
        var record = await services.GetRequiredService<ExportIngestion>().IngestAsync(blobName);
        Console.WriteLine($"Ingested {blobName}: {record!.Status}, {record.Written:N0} rows written, {record.Rejected:N0} rejected");
    }

    /// <summary>A period as a scheduled run leaves it: grade rows, carried grades, the snapshot, the run and the period's pointer.</summary>
    private static async Task SeedPeriodAsync(IServiceProvider services, string period, int customers, bool keepShardFiles)
    {
        var runId = $"{period}-scheduled";
        var run = new RunRecord
        {
            Id = runId, Period = period, AsOf = GradingPeriod.Parse(period).LastDay, PolicyVersion = TieringPolicy.Default.Version, Trigger = "Scheduled",
            Status = RunStatus.Succeeded, Shards = Shards, Measured = new(new string('1', Shards)), Written = new(new string('1', Shards)), Published = new(new string('1', Shards)),
            Customers = customers, CreatedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow,
        };
        var artifacts = services.GetRequiredService<RunArtifacts>();
        string[] tiers = ["VIP", "A", "B", "C", "D"];
        var grades = Enumerable.Range(0, customers).Select(c => new StoredGrade
        {
            CustomerId = Id(c), Name = $"Customer {c}", Region = $"Region {c % 7}", Channel = "Web", Owner = $"Owner {c % 50}", Period = period, RunId = runId,
            PolicyVersion = run.PolicyVersion, Tier = tiers[c % 5], TierIndex = c % 5, Movement = TierMovement.Same, TierSince = "2024-11",
            Segment = "Loyal", Abc = "B", Lifecycle = "Active", NetRevenue = (c * 37 % 500) + 10.5m, OrderCount = 2,
        }).ToList();
        for (var shard = 0; shard < Shards; shard++)
        {
            await artifacts.WriteLinesAsync(RunArtifacts.GradesPath(runId, shard), grades.Where(g => ShardWork.ShardOf(g.CustomerId, Shards) == shard), GradeJson.Default.StoredGrade);
        }

        await artifacts.WriteLinesAsync(RunArtifacts.CarriedPath(runId), grades.Select(g => new CarriedGrade(g.CustomerId, g.Tier, 0, g.TierSince)), GradeJson.Default.CarriedGrade);
        await artifacts.WriteTextAsync(RunArtifacts.OverridesPath(runId), "[]");
        var writer = services.GetRequiredService<GradeStore>().Writer(Parallelism);
        foreach (var grade in grades)
        {
            await writer.AddAsync(grade);
        }

        await writer.FlushAsync();
        await services.GetRequiredService<GradeSnapshot>().WriteAsync(run);
        if (!keepShardFiles)
        {
            await artifacts.DeleteAsync(runId, workingFilesOnly: true);
        }

        await services.GetRequiredService<RunStore>().CreateAsync(run);
        await services.GetRequiredService<PeriodStore>().CommitAsync(new CommittedPeriod(period, runId, run.PolicyVersion, run.AsOf, DateTimeOffset.UtcNow));
    }

    private static async Task<int> LeftInSnapshotsAsync(IServiceProvider services, HashSet<string> subjects)
    {
        var snapshots = services.GetRequiredService<SnapshotStore>();
        var left = 0;
        foreach (var path in (await snapshots.PathsAsync()).Where(p => p.EndsWith(".gz", StringComparison.Ordinal)))
        {
            await using var blob = await snapshots.OpenReadAsync(path);
            using var reader = new StreamReader(new GZipStream(blob, CompressionMode.Decompress));
            while (await reader.ReadLineAsync() is { } line)
            {
                left += subjects.Contains(line.Split(',')[0]) ? 1 : 0;
            }
        }

        return left;
    }
}
