using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;
using System.Text.Json;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Starts, resumes and fails runs. A run holds the regrade lock from its start until it ends, succeeded or failed.</summary>
public sealed class RegradeRuns(
    RunStore runs, PeriodStore periods, RegradeLock gate, RunArtifacts artifacts, OverrideStore overrides, ShardDispatcher queue, TimeProvider clock, ILogger<RegradeRuns> logger)
{
    /// <summary>A lock whose holder never recorded its run is taken over after this long.</summary>
    private static readonly TimeSpan AbandonedStart = TimeSpan.FromMinutes(2);

    public async Task<RegradeStart> StartAsync(RegradeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = Log.RunScope(logger, request.RunId);
        if (await runs.GetAsync(request.RunId, cancellationToken) is { } existing)
        {
            return RegradeStart.Existing(existing);
        }

        if (await AcquireAsync(request.RunId, cancellationToken) is { } holder)
        {
            return RegradeStart.Blocked(holder.RunId);
        }

        var committed = await periods.ListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var run = new RunRecord
        {
            Id = request.RunId,
            Period = request.Period.ToString(),
            AsOf = request.AsOf,
            PolicyVersion = request.Policy.Version,
            DryRun = request.DryRun,
            Trigger = request.Trigger,
            RequestedBy = request.RequestedBy,
            Status = RunStatus.Measuring,
            Shards = request.Shards,
            Measured = ShardSet.Empty(request.Shards),
            Written = ShardSet.Empty(request.Shards),
            Published = ShardSet.Empty(request.Shards),
            // Hysteresis and movements look at the period before, as committed: a period graded again compares the same way.
            PreviousRunId = committed.LastOrDefault(p => GradingPeriod.Parse(p.Period) < request.Period)?.RunId,
            ComparedWithRunId = request.DryRun && committed.Count > 0 ? committed[^1].RunId : null,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // The policy is kept with the run, so every shard on every instance grades with the same one, draft or stored.
        await artifacts.WriteTextAsync(RunArtifacts.PolicyPath(run.Id), TieringPolicyJson.Serialize(request.Policy), cancellationToken);
        // So are the tier overrides: a run resumed later, or a shard retried, applies the same ones.
        await artifacts.WriteTextAsync(RunArtifacts.OverridesPath(run.Id), JsonSerializer.Serialize(await overrides.ListAsync(cancellationToken), RegradeJson.Options), cancellationToken);
        if (!await runs.CreateAsync(run, cancellationToken))
        {
            return RegradeStart.Existing((await runs.GetAsync(run.Id, cancellationToken))!);
        }

        await queue.EnqueueAsync(run.Id, ShardPhase.Measure, Enumerable.Range(0, run.Shards), cancellationToken: cancellationToken);
        Log.RunStarted(logger, run.Id, run.Period, run.PolicyVersion, run.Shards, run.DryRun);
        return RegradeStart.Started(run);
    }

    /// <summary>
    /// Sets an unfinished or failed run going again from the phase it was in: its missing shards are queued again. Work
    /// already done is skipped or redone to the same result, so resuming a run that was only slow does no harm.
    /// </summary>
    public async Task<RegradeStart> ResumeAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var scope = Log.RunScope(logger, runId);
        var run = await runs.GetAsync(runId, cancellationToken);
        if (run is null or { Status: RunStatus.Succeeded })
        {
            return new RegradeStart(run, null, true); // unknown, or nothing to resume
        }

        if (await AcquireAsync(runId, cancellationToken) is { } holder)
        {
            return RegradeStart.Blocked(holder.RunId);
        }

        // A run that failed while measuring measures again from the start: while it was failed, ingestions went on
        // writing, and shards measured before and after them would see part of an export.
        var resumed = await runs.UpdateAsync(runId, r => r.Status != RunStatus.Failed ? r
            : (r.FailedIn ?? RunStatus.Measuring) == RunStatus.Measuring
                ? r with { Status = RunStatus.Measuring, Measured = ShardSet.Empty(r.Shards), WritesHeld = false, FailedIn = null, Error = null, UpdatedAt = clock.GetUtcNow() }
                : r with { Status = r.FailedIn!.Value, FailedIn = null, Error = null, UpdatedAt = clock.GetUtcNow() }, cancellationToken);
        var (phase, done) = resumed!.Status switch
        {
            RunStatus.Measuring => (ShardPhase.Measure, resumed.Measured),
            RunStatus.Writing => (ShardPhase.Write, resumed.Written),
            _ => (ShardPhase.Publish, resumed.Published),
        };
        var missing = done.Missing().ToList();
        // Nothing missing means the step after the phase was cut short: any shard's message takes it again.
        await queue.EnqueueAsync(runId, phase, missing.Count > 0 ? missing : [0], cancellationToken: cancellationToken);
        Log.RunResumed(logger, runId, resumed.Status);
        return RegradeStart.Started(resumed);
    }

    public async Task FailAsync(string runId, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var scope = Log.RunScope(logger, runId);
        await runs.UpdateAsync(runId, r => r.IsFinished ? null : r with
        {
            Status = RunStatus.Failed, FailedIn = r.Status, Error = $"{error.GetType().Name}: {error.Message}", UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        await gate.ReleaseAsync(runId, cancellationToken);
        Log.RunFailed(logger, error, runId);
    }

    /// <summary>Null when the lock is now <paramref name="runId"/>'s; else who holds it. A lock left by a run that is over is taken over.</summary>
    private async Task<LockHolder?> AcquireAsync(string runId, CancellationToken cancellationToken)
    {
        var holder = await gate.TryAcquireAsync(runId, clock.GetUtcNow(), cancellationToken);
        if (holder is null)
        {
            return null;
        }

        // A holder without a name is a start in its first moment, or a start or release that died half way: after
        // AbandonedStart with no change to the lock, it is taken over, or no run could ever start again.
        var holding = holder.RunId is { } holderId ? await runs.GetAsync(holderId, cancellationToken) : null;
        var abandoned = holding is null && holder.AcquiredAt < clock.GetUtcNow() - AbandonedStart;
        if (holding is not { IsFinished: true } && !abandoned)
        {
            return holder;
        }

        Log.StaleLockBroken(logger, holder.RunId ?? "(unnamed)");
        await gate.BreakAsync(cancellationToken);
        return await gate.TryAcquireAsync(runId, clock.GetUtcNow(), cancellationToken);
    }
}
