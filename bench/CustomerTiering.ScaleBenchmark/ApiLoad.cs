using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerTiering.DevHost;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.DevHost.Worker;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>
/// <c>GET /api/customers/{id}</c> over a graded period of many customers: the bare SDK's point read as the floor, and the
/// app through the dev host (the way every request reaches the worker: an invocation over gRPC and the request
/// forwarded) one at a time, as fast as it goes and at a fixed rate; the worker's cold start and working set; and the
/// whole list downloaded as XLSX and CSV, with the worker's peak working set.
/// </summary>
internal static class ApiLoad
{
    private const string RunId = "2026-10-load";

    public static async Task RunAsync(int customers, int rate, int seconds)
    {
        Console.WriteLine($"API load: {customers:N0} graded customers; {rate} requests/s for {seconds} s through the dev host");
        // The dev host runs in this process: its per-request log lines would measure the console, not the host.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var azurite = AzuriteFixture.Dedicated();
        await azurite.InitializeAsync();
        var settings = Path.GetTempFileName();
        try
        {
            var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
            await new StorageProvisioner(account).EnsureCreatedAsync();
            await SeedAsync(account, customers);
            await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
            {
                Values = new Dictionary<string, string>
                {
                    ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated", ["AzureWebJobsStorage"] = azurite.ConnectionString, ["TieringStorage"] = azurite.ConnectionString,
                    ["RegradeSchedule"] = "0 0 2 1 * *", ["TierChangesTopic"] = "tier-changes-topic", ["Privacy__ErasureKey"] = CustomerTiering.Testing.TestKeys.ErasureKey,
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            }));
            var started = Stopwatch.StartNew();
            await using var host = DevHostApplication.Create(new DevHostOptions
            {
                AppRoot = RepositoryPaths.BuildOutput("CustomerTiering.Functions"), SettingsFile = settings, Port = 0,
            });
            await host.StartAsync();
            var devHost = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
            // A signed token from the dev host's issuer, validated by the worker on every request as in Azure.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                host.Services.GetRequiredService<DevTokenIssuer>().Issue(DevUser.Demo.Single(u => u.Key == "manager")));
            var random = new Random(7);
            string NextId() => Id(random.Next(customers));
            Task<HttpResponseMessage> GetCustomer() => client.GetAsync(new Uri(devHost, $"/api/customers/{NextId()}"));

            // Cold start: the dev host and the worker process started, to the first grade answered through them.
            (await GetCustomer()).EnsureSuccessStatusCode();
            var coldStart = started.Elapsed;
            var workerId = host.Services.GetRequiredService<WorkerProcess>().ProcessId
                ?? throw new InvalidOperationException("The worker is not running.");
            var idleMegabytes = WorkingSetMegabytes(workerId);
            Console.WriteLine($"Cold start (dev host and worker started to the first answer): {coldStart.TotalSeconds:N1} s; worker working set {idleMegabytes:N0} MB");

            // Warm every path first: JIT, connection pools, the worker's period cache.
            await ClosedLoopAsync(GetCustomer, 8, TimeSpan.FromSeconds(3));

            var grades = new GradeStore(account);
            var floor = await SequentialAsync(async () => await grades.GetAsync(RunId, NextId()), 2000);
            var single = await SequentialAsync(async () => (await GetCustomer()).EnsureSuccessStatusCode(), 2000);
            Console.WriteLine($"One request at a time: SDK point reads p50 {floor.P50:N2} ms; through the dev host p50 {single.P50:N2} ms: overhead {single.P50 - floor.P50:N2} ms (p99 {floor.P99:N2} vs {single.P99:N2} ms)");

            var sdkThroughput = await ClosedLoopAsync(async () => { await grades.GetAsync(RunId, NextId()); return new HttpResponseMessage(); }, 32, TimeSpan.FromSeconds(seconds));
            var appThroughput = await ClosedLoopAsync(GetCustomer, 32, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"As fast as it goes (32 in flight): SDK point reads {sdkThroughput.Rate:N0}/s; through the dev host {appThroughput.Rate:N0} requests/s = {appThroughput.Rate / sdkThroughput.Rate:N2} of the SDK's (p99 {appThroughput.P99:N1} ms, {appThroughput.Errors} errors)");

            var pacedSdk = await OpenLoopAsync(async () => { await grades.GetAsync(RunId, NextId()); return new HttpResponseMessage(); }, rate, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"SDK point reads at {rate}/s: p50 {pacedSdk.P50:N1} ms, p99 {pacedSdk.P99:N1} ms, p99.9 {pacedSdk.P999:N1} ms");
            var paced = await OpenLoopAsync(GetCustomer, rate, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"Through the dev host at {rate}/s: {paced.Rate:N0}/s served, p50 {paced.P50:N1} ms, p99 {paced.P99:N1} ms, p99.9 {paced.P999:N1} ms, {paced.Errors} errors; worker working set {WorkingSetMegabytes(workerId):N0} MB");
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var peak = new PeakMemory(workerId);
                var timer = Stopwatch.StartNew();
                using var file = await client.GetAsync(new Uri(devHost, $"/api/customers?format={format}"), HttpCompletionOption.ResponseHeadersRead);
                file.EnsureSuccessStatusCode();
                var firstByte = timer.Elapsed;
                await using var body = await file.Content.ReadAsStreamAsync();
                var bytes = await CountAsync(body);
                var (worker, before) = peak.Stop();
                peak.Dispose();
                Console.WriteLine($"Download of every customer as {format}: {bytes / (1024.0 * 1024):N1} MB in {timer.Elapsed.TotalSeconds:N1} s (headers after {firstByte.TotalSeconds:N1} s); " +
                                  $"worker working set {before / (1024.0 * 1024):N0} MB before, peak {worker / (1024.0 * 1024):N0} MB");
            }

            Console.WriteLine();
            Console.WriteLine("| path | throughput | p50 | p99 |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| SDK point read, one at a time | | {floor.P50:N2} ms | {floor.P99:N2} ms |");
            Console.WriteLine($"| through the dev host, one at a time | | {single.P50:N2} ms | {single.P99:N2} ms |");
            Console.WriteLine($"| SDK point reads, 32 in flight | {sdkThroughput.Rate:N0}/s | {sdkThroughput.P50:N1} ms | {sdkThroughput.P99:N1} ms |");
            Console.WriteLine($"| through the dev host, 32 in flight | {appThroughput.Rate:N0}/s | {appThroughput.P50:N1} ms | {appThroughput.P99:N1} ms |");
            Console.WriteLine($"| SDK point reads, paced at {rate}/s | {pacedSdk.Rate:N0}/s | {pacedSdk.P50:N1} ms | {pacedSdk.P99:N1} ms |");
            Console.WriteLine($"| through the dev host, paced at {rate}/s | {paced.Rate:N0}/s | {paced.P50:N1} ms | {paced.P99:N1} ms |");
            await host.StopAsync();
        }
        finally
        {
            File.Delete(settings);
            await azurite.DisposeAsync();
        }
    }

    private static async Task<long> CountAsync(Stream body)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static double WorkingSetMegabytes(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.WorkingSet64 / (1024.0 * 1024);
    }

    private static string Id(int customer) => string.Create(CultureInfo.InvariantCulture, $"C{customer:D7}");

    private static async Task SeedAsync(StorageAccount account, int customers)
    {
        var timer = Stopwatch.StartNew();
        var gradeWriter = new GradeStore(account).Writer(8);
        string[] tiers = ["VIP", "A", "B", "C", "D"];
        for (var c = 0; c < customers; c++)
        {
            var tier = tiers[Math.Min(4, c * 5 / customers)];
            await gradeWriter.AddAsync(new StoredGrade
            {
                CustomerId = Id(c), Name = $"Customer {c}", Type = "Enterprise", Region = "East", Owner = "owner1", Period = "2026-10", RunId = RunId, PolicyVersion = "default-1", Tier = tier, TierIndex = Array.IndexOf(tiers, tier),
                Movement = TierMovement.Same, TierSince = "2026-03", Segment = "Loyal", Abc = "B", Lifecycle = "Stable", NetRevenue = 1234.5m, OrderCount = 7,
                Reasons =
                [
                    new(ReasonCode.TierByRank, tier, Value: 61.2, Share: 0.12, Required: 0.20, Threshold: 55.1),
                    new(ReasonCode.Monetary, Value: 1234.5, Share: 0.18, Count: 12),
                    new(ReasonCode.Frequency, Count: 7, Share: 0.22),
                    new(ReasonCode.Recency, Count: 18),
                    new(ReasonCode.Segment, "Loyal", "R4 F4 M3"),
                    new(ReasonCode.Abc, "B", Share: 0.71, Required: 0.95),
                    new(ReasonCode.Lifecycle, "Stable", Share: 0.03),
                ],
            });
        }

        await gradeWriter.FlushAsync();
        await new PeriodStore(account).CommitAsync(new CommittedPeriod("2026-10", RunId, "default-1", new DateOnly(2026, 10, 31), DateTimeOffset.UtcNow));
        Console.WriteLine($"Seeded {customers:N0} grades in {timer.Elapsed.TotalSeconds:N0} s");
    }

    private sealed record Latencies(double Rate, double P50, double P99, double P999, int Errors);

    private static Latencies Summarise(List<double> latencies, double seconds, int errors)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Latencies(latencies.Count / seconds, At(0.50), At(0.99), At(0.999), errors);
    }

    private static async Task<Latencies> SequentialAsync(Func<Task> call, int count)
    {
        var latencies = new List<double>(count);
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Summarise(latencies, timer.Elapsed.TotalSeconds, 0);
    }

    private static async Task<Latencies> ClosedLoopAsync(Func<Task<HttpResponseMessage>> call, int inFlight, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (timer.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await call();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }
        }));
        return Summarise(latencies, timer.Elapsed.TotalSeconds, errors);
    }

    /// <summary>Requests sent on a fixed schedule whatever the answers do; latency counts from when each was due, so a stall is not hidden.</summary>
    private static async Task<Latencies> OpenLoopAsync(Func<Task<HttpResponseMessage>> call, int rate, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var pending = new List<Task>();
        var timer = Stopwatch.StartNew();
        var total = (int)(rate * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > timer.Elapsed)
            {
                await Task.Delay(due - timer.Elapsed);
            }

            pending.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await call();
                    var latency = (timer.Elapsed - due).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(latency);
                        errors += response.IsSuccessStatusCode ? 0 : 1;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(pending);
        return Summarise(latencies, timer.Elapsed.TotalSeconds, errors);
    }
}
