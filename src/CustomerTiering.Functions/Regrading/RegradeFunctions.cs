using CustomerTiering.Storage;
using CustomerTiering.Storage.Policies;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Regrading's functions: the monthly timer, the shard queue, the tier-change relay; the management API is
/// <see cref="RegradeEndpoints"/>. The work is in <see cref="RegradeRuns"/>, <see cref="RegradeWorker"/> and <see cref="TierChangeRelay"/>.
/// </summary>
public sealed class RegradeFunctions(
    RegradeRuns runs,
    RegradeWorker worker,
    TierChangeRelay relay,
    RegradeCalendar calendar,
    PolicyStore policies,
    IOptions<RegradeOptions> options,
    ILogger<RegradeFunctions> logger)
{
    /// <summary>The month that has just ended, once: the run id is the period's, so a past-due or repeated firing makes no second run.</summary>
    [Function("RegradeScheduled")]
    public async Task<string> ScheduledAsync([TimerTrigger("%RegradeSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var period = calendar.JustEnded;
        var start = await runs.StartAsync(RegradeRequest.Scheduled(period, await policies.CurrentAsync(cancellationToken), options.Value.Shards), cancellationToken);
        if (start.BlockedBy is { } holder)
        {
            // Fails the invocation where monitoring sees it; the run can be asked for on demand once the other ends.
            throw new InvalidOperationException($"The scheduled run of {period} did not start: run {holder} is going.");
        }

        Log.ScheduledRun(logger, start.Run!.Id, start.Run.Period, start.AlreadyExisted, timer.IsPastDue);
        return start.Run.Id;
    }

    [Function("RegradeShard")]
    public async Task ShardAsync(
        [QueueTrigger(StorageNames.RegradeShardsQueue, Connection = StorageNames.DataConnection)] ShardWork work, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            await worker.HandleAsync(work, cancellationToken);
        }
        catch (RunTooLargeException ex)
        {
            // Another try would run out of memory as this one would have: the run fails now, saying why.
            await runs.FailAsync(work.RunId, ex, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && dequeueCount >= options.Value.MaxAttempts)
        {
            // The last try: fail the run (and free the lock) before the message goes to the poison queue.
            await runs.FailAsync(work.RunId, ex, CancellationToken.None);
            throw;
        }
    }

    [Function("PublishTierChanges")]
    public Task PublishAsync(
        [QueueTrigger(StorageNames.TierChangesQueue, Connection = StorageNames.DataConnection)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        relay.HandleAsync(message, id, dequeueCount, cancellationToken);
}
