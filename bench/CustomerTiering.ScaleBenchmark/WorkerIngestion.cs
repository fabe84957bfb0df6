using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.DevHost;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.DevHost.Worker;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>
/// One ingestion end to end the way it runs: the file uploaded through the dev host, the BlobCreated event, the
/// <c>IngestExport</c> blob trigger in the worker process, until the ledger says it finished; the worker's working set
/// sampled throughout. A small file goes first, unmeasured, so the figure is a running worker's, not its compiler's.
/// </summary>
internal static class WorkerIngestion
{

    public static async Task<WorkerIngestionResult> RunAsync(AzuriteFixture azurite, string file, string warmUpFile, int parallelism)
    {
        var settings = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
            {
                Values = new Dictionary<string, string>
                {
                    ["AzureWebJobsStorage"] = azurite.ConnectionString, ["TieringStorage"] = azurite.ConnectionString,
                    ["RegradeSchedule"] = "0 0 2 1 * *",
                    ["TierChangesTopic"] = "tier-changes-topic", ["Privacy__ErasureKey"] = CustomerTiering.Testing.TestKeys.ErasureKey, ["Ingestion__WriteParallelism"] = $"{parallelism}",
                },
            }));
            await using var host = DevHostApplication.Create(new DevHostOptions
            {
                AppRoot = RepositoryPaths.BuildOutput("CustomerTiering.Functions"), SettingsFile = settings, Port = 0,
            });
            await host.StartAsync();
            var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            await host.Services.GetRequiredService<WorkerProcess>().WaitUntilReadyAsync(CancellationToken.None);
            var worker = host.Services.GetRequiredService<WorkerProcess>().ProcessId ?? throw new InvalidOperationException("No worker runs.");
            using var client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
            // A signed token from the dev host's issuer, validated by the worker on every request as in Azure.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                host.Services.GetRequiredService<DevTokenIssuer>().Issue(DevUser.Demo.Single(u => u.Key == "uploader")));

            // The warm-up file is ingested first and not measured: a worker serving for a while has compiled its code.
            var (_, warmUpSeconds) = await IngestAsync(client, warmUpFile, "warm-up.csv");

            using var memory = new PeakMemory(worker);
            var cpu = CpuTimes.Of(worker, Environment.ProcessId, azurite.ProcessId ?? 0);
            var (record, seconds) = await IngestAsync(client, file, "scale.csv");
            var (peak, baseline) = memory.Stop();
            var used = CpuTimes.Of(worker, Environment.ProcessId, azurite.ProcessId ?? 0).Since(cpu);
            await host.StopAsync();
            return new WorkerIngestionResult(record.GetProperty("status").GetString()!, record.GetProperty("written").GetInt64(), seconds, peak, baseline, used, warmUpSeconds);
        }
        finally
        {
            File.Delete(settings);
        }
    }

    /// <summary>
    /// Uploads a file through the dev host and polls its ledger record until the ingestion finished, once a second: each
    /// poll is an invocation and a table read, and at ten a second they cost the dev host and Azurite CPU the ingestion
    /// shares two cores with. Timed from the upload to the ledger's last write, so the polling does not add to the time.
    /// </summary>
    private static async Task<(JsonElement Record, double Seconds)> IngestAsync(HttpClient client, string file, string name)
    {
        var started = DateTimeOffset.UtcNow;
        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var upload = await client.PostAsync(new Uri($"/api/exports/orders?name={name}", UriKind.Relative), content);
        upload.EnsureSuccessStatusCode();
        var statusUrl = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        JsonElement record;
        while (!(record = await client.GetFromJsonAsync<JsonElement>(new Uri(statusUrl, UriKind.Relative))).GetProperty("isFinished").GetBoolean())
        {
            await Task.Delay(1000);
        }

        return (record, (record.GetProperty("updatedAt").GetDateTimeOffset() - started).TotalSeconds);
    }
}

/// <summary>
/// How the ingestion through the worker went, the worker's working set (bytes) before it and at its peak, the CPU used,
/// and how long the cold worker took for the warm-up file.
/// </summary>
internal sealed record WorkerIngestionResult(string Status, long Written, double Seconds, long PeakWorkingSet, long BaselineWorkingSet, CpuTimes Cpu, double WarmUpSeconds);

/// <summary>CPU seconds of the worker, of this process (the dev host and the benchmark's polling) and of Azurite.</summary>
internal sealed record CpuTimes(double Worker, double DevHost, double Azurite)
{
    public static CpuTimes Of(int worker, int devHost, int azurite) => new(Seconds(worker), Seconds(devHost), Seconds(azurite));

    public CpuTimes Since(CpuTimes start) => new(Worker - start.Worker, DevHost - start.DevHost, Azurite - start.Azurite);

    public static double Seconds(int processId)
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        return process.TotalProcessorTime.TotalSeconds;
    }
}
