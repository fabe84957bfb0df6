using System.Diagnostics;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The worker killed (SIGKILL) at random moments of a regrade, the first while the shards measure, the next ones wherever
/// the run has got to (grading, writing, publishing): the
/// dev host starts a new one, the queue hands the shards' work out again, and the run ends exactly as a clean one, every
/// event relayed once. The seeds are printed, so a failure can be replayed.
/// </summary>
public sealed class WorkerKillTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Customers = 160;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task A_run_whose_worker_is_killed_at_random_moments_ends_as_a_clean_run_with_each_event_relayed_once(int seed)
    {
        await SampleShop.SeedAsync(azurite.Account, Customers);
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__Shards"] = "4" });
        var regrade = new RegradeClient(app, azurite.Account);
        var period = $"2026-0{seed % 10}";
        var clean = await regrade.RunAsync(new { period });
        var cleanEvents = await RegradeRecoveryTests.RelayedEventsAsync(azurite.Account, clean, await regrade.ExpectedEventsAsync(clean));

        var random = new Random(seed);
        var killed = await regrade.StartAsync(new { period });
        // The first kill comes within 200 ms of the start, while the shards measure (a run takes seconds); the next
        // ones wait for the restarted worker and land wherever the run has got to.
        var kills = 0;
        for (var k = 0; k < 3; k++)
        {
            await Task.Delay(k == 0 ? random.Next(0, 200) : random.Next(300, 1500));
            var worker = await Eventually.ReturnsAsync(() => Task.FromResult(app.WorkerProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a worker to run");
            if ((await regrade.GetRunAsync(killed)).GetProperty("run").GetProperty("isFinished").GetBoolean())
            {
                break;
            }

            using var process = Process.GetProcessById(int.Parse(worker, System.Globalization.CultureInfo.InvariantCulture));
            process.Kill();
            kills++;
        }

        output.WriteLine($"seed {seed}: the worker was killed {kills} time(s) during run {killed}");
        await regrade.WaitAsync(killed);
        var events = await RegradeRecoveryTests.RelayedEventsAsync(azurite.Account, killed, await regrade.ExpectedEventsAsync(killed));

        Assert.True(kills > 0, $"seed {seed}: the run ended before the worker could be killed");
        Assert.Equal(await regrade.GradesAsync(clean), await regrade.GradesAsync(killed));
        Assert.Equal(cleanEvents.Count, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }
}
