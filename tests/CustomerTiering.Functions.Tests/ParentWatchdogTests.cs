using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>A worker whose dev host was killed (no chance to terminate it) stops by itself.</summary>
public sealed partial class ParentWatchdogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_worker_stops_when_the_dev_host_that_started_it_is_killed()
    {
        var settings = Path.GetTempFileName();
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            Values = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["TieringStorage"] = azurite.ConnectionString,
                ["RegradeSchedule"] = "0 0 2 1 * *",
                ["TierChangesTopic"] = "tier-changes-topic",
                ["Privacy__ErasureKey"] = CustomerTiering.Testing.TestKeys.ErasureKey,
            },
        }));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryPaths.BuildOutput("CustomerTiering.DevHost"), "CustomerTiering.DevHost.dll"),
                "--app-root", RepositoryPaths.BuildOutput("CustomerTiering.Functions"), "--settings", settings, "--port", "0",
            },
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        using var host = Process.Start(start)!;
        var workerId = new TaskCompletionSource<int>();
        _ = Task.Run(async () =>
        {
            while (await host.StandardOutput.ReadLineAsync() is { } line)
            {
                if (WorkerStarted().Match(line) is { Success: true } match)
                {
                    workerId.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });
        Process? worker = null;
        try
        {
            worker = Process.GetProcessById(await workerId.Task.WaitAsync(TimeSpan.FromMinutes(1)));
            host.Kill();
            await host.WaitForExitAsync();

            await Eventually.HoldsAsync(() => Task.FromResult(worker.HasExited), "the worker to stop after its dev host");
        }
        finally
        {
            if (worker is { HasExited: false })
            {
                worker.Kill(entireProcessTree: true);
            }

            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            File.Delete(settings);
        }
    }

    [GeneratedRegex(@"Started the worker \(pid (\d+)")]
    private static partial Regex WorkerStarted();
}
