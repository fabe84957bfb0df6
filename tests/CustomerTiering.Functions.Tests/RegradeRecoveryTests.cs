using Azure.Data.Tables;
using System.Globalization;
using System.Text.Json;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A run whose handler is killed half way through writing grades, retried by the queue after the dev host restarts the
/// handler: it must end exactly like a clean run, and readers must never see it half done.
/// </summary>
[LongScenario]
public sealed class RegradeRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Customers = 200;

    private StorageAccount Account => azurite.Account;

    [Fact]
    public async Task A_run_killed_half_way_and_retried_ends_exactly_like_a_clean_run_and_readers_only_ever_see_whole_periods()
    {
        await SampleShop.SeedAsync(Account, Customers);
        var observations = new List<(string Period, string RunId, RunStatus? Status, bool AllWritten)>();
        string previous, crashed;
        List<JsonElement> crashedEvents;
        await using (var crashing = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString,
            new Dictionary<string, string>(ParkedWorker.Settings(FaultPoint.GradeRowWritten, after: 40)) { ["Regrade__Shards"] = "2" }))
        {
            await using var parked = ParkedWorker.Watch(crashing, Account);
            var regrade = new RegradeClient(crashing, Account);
            previous = await regrade.RunAsync(new { period = "2025-10" });
            using var stop = new CancellationTokenSource();
            crashed = await regrade.StartAsync(new { period = "2025-11" });
            var reading = ReadWhileRunningAsync(crashed, observations, stop.Token);
            await regrade.WaitAsync(crashed);
            Assert.Contains(crashed, parked.Killed);
            await stop.CancelAsync();
            await reading;
            crashedEvents = await RelayedEventsAsync(Account, crashed, await regrade.ExpectedEventsAsync(crashed));
        }

        string clean;
        List<JsonElement> cleanEvents;
        await using (var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__Shards"] = "2" }))
        {
            var regrade = new RegradeClient(app, Account);
            clean = await regrade.RunAsync(new { period = "2025-11" });
            cleanEvents = await RelayedEventsAsync(Account, clean, await regrade.ExpectedEventsAsync(clean));
            Assert.Equal(await regrade.GradesAsync(clean), await regrade.GradesAsync(crashed));
        }

        Assert.NotEmpty(cleanEvents);
        Assert.Equal(Normalised(cleanEvents, clean), Normalised(crashedEvents, crashed));

        // Readers saw the previous period whole until every shard had written, then the new one whole; never a mix.
        Assert.Contains(observations, o => o.Status == RunStatus.Writing && !o.AllWritten);
        Assert.All(observations.Where(o => !o.AllWritten), o => Assert.Equal(("2025-10", previous), (o.Period, o.RunId)));
        Assert.All(observations.Where(o => o.Period == "2025-11"), o => Assert.Equal((crashed, true), (o.RunId, o.AllWritten)));
    }

    /// <summary>A portal's reads during the run: the current period's pointer, and sample customers' grades in it.</summary>
    private async Task ReadWhileRunningAsync(string runId, List<(string, string, RunStatus?, bool)> observations, CancellationToken stop)
    {
        var periods = new PeriodStore(Account);
        var runs = new RunStore(Account);
        var grades = new GradeStore(Account);
        while (!stop.IsCancellationRequested)
        {
            // The pointer first, then the run: a pointer to the new run must find it fully written.
            var current = (await periods.CurrentAsync(CancellationToken.None))!;
            var run = await runs.GetAsync(runId, CancellationToken.None);
            foreach (var customer in new[] { "C0000", "C0077", "C0199" })
            {
                var grade = await grades.GetAsync(current.RunId, customer, CancellationToken.None);
                Assert.True(grade is not null && grade.Period == current.Period, $"{customer} has no grade in the current period {current.Period} ({current.RunId})");
            }

            observations.Add((current.Period, current.RunId, run?.Status, run?.Written.IsComplete ?? false));
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>How long the relay may go without progress on a run's events before the wait for them fails.</summary>
    private static readonly TimeSpan RelayStall = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Whether the relay has nothing left of a run: the run is finished, so every shard has queued its events, and the
    /// relay's queue holds no message, visible or leased. (The relay's ledger cannot say: it keeps its event ids as
    /// keyed hashes, which name no run.)
    /// </summary>
    internal static Func<Task<bool>> RelayDrained(StorageAccount account, string runId) => async () =>
        (await new RunStore(account).GetAsync(runId))?.IsFinished == true
        && await PendingAsync(account) == 0;

    private static async Task<int> PendingAsync(StorageAccount account) =>
        (await account.Queues.GetQueueClient(StorageNames.TierChangesQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>
    /// A run's events as a subscription of the topic receives them. Locally the topic is a storage queue, and a queue has
    /// no duplicate detection: a worker killed, or storage gone, after the relay sent an event and before its queue
    /// message was deleted sends that event again. Service Bus drops the second copy by its MessageId, the event's id;
    /// so does this reader, once it has checked that the copy is the very same event (a resend that changed an event
    /// would reach subscribers as the first copy only, and is a fault).
    /// </summary>
    internal static async Task<List<JsonElement>> RelayedEventsAsync(StorageAccount account, string runId, int expected)
    {
        var topic = account.Queues.GetQueueClient(RunningApp.TierChangesTopic);
        var events = new Dictionary<string, (string Text, JsonElement Event)>(StringComparer.Ordinal);

        async Task ReceiveAsync()
        {
            if (!await topic.ExistsAsync())
            {
                return; // nothing relayed yet
            }

            while ((await topic.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value is { Length: > 0 } received)
            {
                foreach (var text in received.Select(m => m.Body.ToString()))
                {
                    var e = JsonSerializer.Deserialize<JsonElement>(text);
                    if (e.GetProperty("data").GetProperty("runId").GetString() != runId)
                    {
                        continue;
                    }

                    var id = e.GetProperty("id").GetString()!;
                    if (events.TryGetValue(id, out var first))
                    {
                        Assert.Equal(first.Text, text);
                    }
                    else
                    {
                        events.Add(id, (text, e));
                    }
                }
            }
        }

        // After an outage the relay has more to do than the run's events: a shard retried while it published queues all
        // its events again (1 950 messages for 703 events, once), and the relay drops the copies one by one. On a busy
        // machine that takes minutes, so the wait is for the relay to stop making progress, not for a fixed time.
        var lastProgress = DateTime.UtcNow;
        var (received, pending) = (-1, int.MaxValue);
        while (true)
        {
            await ReceiveAsync();
            if (events.Count >= expected)
            {
                break;
            }

            // Progress is another event on the topic, or fewer messages (copies included) left to relay.
            var nowPending = await PendingAsync(account);
            if (events.Count > received || nowPending < pending)
            {
                lastProgress = DateTime.UtcNow;
            }

            (received, pending) = (events.Count, Math.Min(pending, nowPending));

            if (DateTime.UtcNow - lastProgress > RelayStall)
            {
                throw new TimeoutException(
                    $"The relay of run {runId} made no progress for {RelayStall.TotalSeconds:0} s: {events.Count} of {expected} events reached the topic; {await WhereEventsAreAsync(account, runId)}");
            }

            await Task.Delay(200);
        }

        // Every event has reached the topic once; a copy of one could still be on its way. Once the relay's queue holds no
        // message, visible or leased, none can come any more: a last look sees every copy that reached the topic.
        await Eventually.HoldsAsync(async () => await PendingAsync(account) == 0, $"the relay's queue to empty after run {runId}", RelayStall);
        await ReceiveAsync();
        return [.. events.Values.Select(e => e.Event)];
    }

    /// <summary>Where a run's missing events may be: what the relay claimed, what still waits, what went to poison.</summary>
    private static async Task<string> WhereEventsAreAsync(StorageAccount account, string runId)
    {
        async Task<string> CountAsync(string queue)
        {
            var client = account.Queues.GetQueueClient(queue);
            return await client.ExistsAsync() ? (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount.ToString(CultureInfo.InvariantCulture) : "none";
        }

        var claims = await account.Tables.GetTableClient(StorageNames.RelayedEventsTable).QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync();
        return $"relay claims of every run {claims}; messages in {StorageNames.TierChangesQueue} {await CountAsync(StorageNames.TierChangesQueue)}, " +
               $"in its poison queue {await CountAsync(StorageNames.TierChangesQueue + "-poison")}, in {StorageNames.RegradeShardsQueue}-poison {await CountAsync(StorageNames.RegradeShardsQueue + "-poison")}.";
    }

    /// <summary>The events as a sorted list of text with the run's id and commit time taken out: what two runs must share.</summary>
    internal static List<string> Normalised(List<JsonElement> events, string runId) =>
        [.. events.Select(e =>
            {
                var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.GetRawText())!;
                fields.Remove("time");
                return JsonSerializer.Serialize(fields).Replace(runId, "<run>", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal)];
}
