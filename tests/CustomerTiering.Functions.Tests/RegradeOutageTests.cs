using System.Diagnostics;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Storage away for 12 s in the middle of each phase of a regrade, then back with what it held: the run ends as a clean
/// run of the same period would, row for row, with every event relayed once. What carries it over the gap: the SDK's
/// bounded retries, then the queue's redelivery of the shard's message, and steps that can be repeated with the same
/// result.
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[LongScenario]
public sealed class RegradeOutageTests(OutageShop shop, ITestOutputHelper output) : IClassFixture<OutageShop>
{
    /// <summary>
    /// Longer than everything that could carry a call over the gap by itself: the storage clients' retries (about 4 s) and
    /// the queue lease the tests give the dev host (3 s, <see cref="RunningApp"/>), so the work in flight fails and a
    /// message taken just before the cut comes back while storage is still away. Longer proves nothing more and costs
    /// every case its length (it was 20 s, then 12 s with a 10 s lease).
    /// </summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(9);

    public enum Moment
    {
        Measuring,
        Grading,
        Writing,
        Committing,
        Publishing,
    }

    [Theory]
    [InlineData(Moment.Measuring)]
    [InlineData(Moment.Grading)]
    [InlineData(Moment.Writing)]
    [InlineData(Moment.Committing)]
    [InlineData(Moment.Publishing)]
    public async Task A_run_whose_storage_goes_away_in_the_middle_of_a_phase_ends_as_a_clean_run(Moment moment)
    {
        var runs = new RunStore(shop.Azurite.Account);
        var started = Stopwatch.StartNew();
        var runId = await StartRunSeenInAsync(runs, moment);
        output.WriteLine($"{moment}: seen after {started.Elapsed.TotalSeconds:0.0} s");

        var stopped = DateTimeOffset.UtcNow;
        shop.Azurite.CutOff();
        await Task.Delay(Outage);
        shop.Azurite.Reconnect();
        var back = Stopwatch.StartNew();
        await shop.Regrade.WaitAsync(runId);
        output.WriteLine($"{moment}: storage away from {stopped:HH:mm:ss.fff} for {Outage.TotalSeconds:0} s; the run ended {back.Elapsed.TotalSeconds:0.0} s after it came back");

        // The outage hit the phase: the phase ended only after storage went away.
        var run = (await runs.GetAsync(runId))!;
        Assert.True(EndOf(run, moment) > stopped, $"{moment} of run {runId} ended at {EndOf(run, moment):O}, before the outage at {stopped:O}");

        Assert.Equal(await shop.Regrade.GradesAsync(shop.CleanRunId), await shop.Regrade.GradesAsync(runId));
        output.WriteLine($"{moment}: grades compared {back.Elapsed.TotalSeconds:0.0} s after storage came back");
        var events = await RegradeRecoveryTests.RelayedEventsAsync(shop.Azurite.Account, runId, shop.CleanEvents.Count);
        output.WriteLine($"{moment}: {events.Count} events relayed {back.Elapsed.TotalSeconds:0.0} s after storage came back");
        Assert.Equal(RegradeRecoveryTests.Normalised(shop.CleanEvents, shop.CleanRunId), RegradeRecoveryTests.Normalised(events, runId));
    }

    /// <summary>
    /// Starts a run and returns its id once its record shows it in the moment. Grading lasts a few hundred milliseconds
    /// here, so a poll on a busy machine can miss it: a run that ended unseen is followed by another, up to three.
    /// </summary>
    private async Task<string> StartRunSeenInAsync(RunStore runs, Moment moment)
    {
        const int Tries = 3;
        for (var attempt = 1; ; attempt++)
        {
            var runId = await shop.Regrade.StartAsync(new { period = OutageShop.Period });
            var seen = await Eventually.ReturnsAsync(async () =>
            {
                var run = await runs.GetAsync(runId);
                return run is not null && (IsIn(run, moment) || run.IsFinished) ? run : null;
            }, $"run {runId} to reach {moment}", RegradeClient.RunTimeout);
            if (!seen.IsFinished)
            {
                return runId;
            }

            Assert.True(attempt < Tries, $"{Tries} runs in a row ended before one was seen {moment}");
            output.WriteLine($"run {runId} ended before it was seen {moment}; another run follows");
            await shop.Regrade.WaitAsync(runId);
        }
    }

    /// <summary>Whether a run's record shows it in the middle of the moment: some of its shards done, not all; or its single step begun.</summary>
    private static bool IsIn(RunRecord run, Moment moment) => moment switch
    {
        Moment.Measuring => run.Status == RunStatus.Measuring && run.Measured.Count > 0 && !run.Measured.IsComplete,
        Moment.Grading => run.Status == RunStatus.Measuring && run.Measured.IsComplete,
        Moment.Writing => run.Status == RunStatus.Writing && run.Written.Count > 0 && !run.Written.IsComplete,
        Moment.Committing => run.Status == RunStatus.Writing && run.Written.IsComplete,
        _ => run.Status == RunStatus.Publishing && run.Published.Count > 0 && !run.Published.IsComplete,
    };

    private static DateTimeOffset? EndOf(RunRecord run, Moment moment) => moment switch
    {
        Moment.Measuring or Moment.Grading => run.GradedAt,
        Moment.Writing or Moment.Committing => run.CommittedAt,
        _ => run.FinishedAt,
    };
}
