using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Does one shard's work of one phase, then moves the run on when the phase is complete. Every step is safe to repeat:
/// a shard's work overwrites its own artifact or rows with the same content, marks are set-like, and the next phase's
/// messages are queued before the status moves, so a crash between the two leaves messages that wait, never a run that
/// stalls. The period's pointer flips only after every shard has written, and events go out only after that.
/// </summary>
public sealed class RegradeWorker(
    RunStore runs,
    PeriodStore periods,
    RegradeLock gate,
    ExportWriteGate exportWrites,
    RunArtifacts artifacts,
    ShardDispatcher queue,
    ShardMeasurer measurer,
    RunGrader grader,
    GradeStore grades,
    GradeSnapshot snapshot,
    PendingEvents events,
    IFaultInjection faults,
    IOptions<RegradeOptions> options,
    TimeProvider clock,
    ILogger<RegradeWorker> logger)
{
    /// <summary>How long a message that came before its phase waits before it is looked at again.</summary>
    private static readonly TimeSpan NotYet = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(ShardWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = Log.ShardScope(logger, work.RunId, work.Shard, work.Phase);
        var run = await runs.GetAsync(work.RunId, cancellationToken);
        if (run is null || run.IsFinished || work.Shard < 0 || work.Shard >= run.Shards)
        {
            if (run is { IsFinished: true })
            {
                // The message that finished the run may be here again because releasing the lock failed after the run
                // was marked finished: release it now (a no-op when it is free or another run's), or no run could start.
                await gate.ReleaseAsync(run.Id, cancellationToken);
            }

            Log.ShardWorkIgnored(logger, work.RunId, work.Phase, work.Shard, run?.Status);
            return;
        }

        var phaseStatus = work.Phase switch
        {
            ShardPhase.Measure => RunStatus.Measuring,
            ShardPhase.Write => RunStatus.Writing,
            _ => RunStatus.Publishing,
        };
        if (run.Status < phaseStatus)
        {
            // Queued just before the run moved into this phase: look again shortly.
            await queue.EnqueueAsync(work.RunId, work.Phase, [work.Shard], NotYet, cancellationToken);
            return;
        }

        if (run.Status == phaseStatus)
        {
            run = work.Phase switch
            {
                ShardPhase.Measure when !run.Measured.Contains(work.Shard) => await MeasureAsync(run, work.Shard, cancellationToken),
                ShardPhase.Write when !run.Written.Contains(work.Shard) => await WriteAsync(run, work.Shard, cancellationToken),
                ShardPhase.Publish when !run.Published.Contains(work.Shard) => await PublishAsync(run, work.Shard, cancellationToken),
                _ => run,
            };
        }

        await AdvanceAsync(run, cancellationToken);
    }

    private async Task<RunRecord> MeasureAsync(RunRecord run, int shard, CancellationToken cancellationToken)
    {
        if (!run.WritesHeld)
        {
            // The run's first measurement waits for ingestions that are writing; once it goes, new ones wait for the run.
            var writing = await exportWrites.WritingAsync(cancellationToken);
            if (writing.Count > 0)
            {
                Log.WaitingForExportWrites(logger, run.Id, writing.Count);
                await queue.EnqueueAsync(run.Id, ShardPhase.Measure, [shard], NotYet, cancellationToken);
                return run;
            }

            run = await MarkAsync(run.Id, r => r with { WritesHeld = true }, cancellationToken);
        }

        var customers = await measurer.MeasureAsync(run, shard, await PolicyOfAsync(run, cancellationToken), cancellationToken);
        Log.ShardMeasured(logger, run.Id, shard, customers);
        return await MarkAsync(run.Id, r => r with { Measured = r.Measured.With(shard) }, cancellationToken);
    }

    private async Task<RunRecord> WriteAsync(RunRecord run, int shard, CancellationToken cancellationToken)
    {
        var writer = grades.Writer(options.Value.WriteParallelism);
        Func<CancellationToken, Task> flush = writer.FlushAsync;
        long written = 0;
        await foreach (var grade in artifacts.ReadLinesAsync(RunArtifacts.GradesPath(run.Id, shard), GradeJson.Default.StoredGrade, cancellationToken))
        {
            await writer.AddAsync(grade, cancellationToken);
            await faults.AtAsync(FaultPoint.GradeRowWritten, run.Id, ++written, flush, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        Log.ShardWritten(logger, run.Id, shard, written);
        return await MarkAsync(run.Id, r => r with { Written = r.Written.With(shard) }, cancellationToken);
    }

    /// <summary>
    /// Queues the shard's events for the relay: a tier change per customer who moved, and a slip event per customer who
    /// entered a watched segment or lifecycle stage. A retry after a crash queues some again; the relay drops them by id.
    /// </summary>
    private async Task<RunRecord> PublishAsync(RunRecord run, int shard, CancellationToken cancellationToken)
    {
        var watched = (await PolicyOfAsync(run, cancellationToken)).SlipEvents;
        var messages = artifacts.ReadLinesAsync(RunArtifacts.GradesPath(run.Id, shard), GradeJson.Default.StoredGrade, cancellationToken)
            .SelectMany(g => (g.Movement is TierMovement.Up or TierMovement.Down ? [TierChangedEvent.From(run, g).ToJson()] : Array.Empty<string>())
                .Concat(CustomerSlippedEvent.Of(run, g, watched).Select(e => e.ToJson()))
                .ToAsyncEnumerable());
        var published = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = options.Value.WriteParallelism, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                await events.SendAsync(message, cancellationToken: ct);
                await faults.AtAsync(FaultPoint.EventQueued, run.Id, Interlocked.Increment(ref published), cancellationToken: ct);
            });
        Log.ShardPublished(logger, run.Id, shard, published);
        return await MarkAsync(run.Id, r => r with { Published = r.Published.With(shard) }, cancellationToken);
    }

    private async Task AdvanceAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, run.Shards);
        if (run.Status == RunStatus.Measuring && run.Measured.IsComplete)
        {
            var graded = await grader.GradeAsync(run, await PolicyOfAsync(run, cancellationToken), cancellationToken);
            Log.RunGraded(logger, run.Id, graded.Customers, graded.Movers, graded.EngineMilliseconds);
            if (run.DryRun)
            {
                await FinishAsync(run.Id, r => r with { Customers = graded.Customers, Movers = graded.Movers, EngineMilliseconds = graded.EngineMilliseconds, GradedAt = clock.GetUtcNow() }, cancellationToken);
                return;
            }

            await queue.EnqueueAsync(run.Id, ShardPhase.Write, all, cancellationToken: cancellationToken);
            await runs.UpdateAsync(run.Id, r => r.Status != RunStatus.Measuring ? null : r with
            {
                Status = RunStatus.Writing, Customers = graded.Customers, Movers = graded.Movers,
                EngineMilliseconds = graded.EngineMilliseconds, GradedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
            }, cancellationToken);
        }
        else if (run.Status == RunStatus.Writing && run.Written.IsComplete)
        {
            await snapshot.WriteAsync(run, cancellationToken);
            var committedAt = clock.GetUtcNow();
            await periods.CommitAsync(new CommittedPeriod(run.Period, run.Id, run.PolicyVersion, run.AsOf, committedAt), cancellationToken);
            Log.PeriodCommitted(logger, run.Period, run.Id);
            await queue.EnqueueAsync(run.Id, ShardPhase.Publish, all, cancellationToken: cancellationToken);
            await runs.UpdateAsync(run.Id, r => r.Status != RunStatus.Writing ? null : r with
            {
                Status = RunStatus.Publishing, CommittedAt = committedAt, UpdatedAt = committedAt,
            }, cancellationToken);
        }
        else if (run.Status == RunStatus.Publishing && run.Published.IsComplete)
        {
            await FinishAsync(run.Id, r => r, cancellationToken);
        }
    }

    private async Task FinishAsync(string runId, Func<RunRecord, RunRecord> change, CancellationToken cancellationToken)
    {
        var finished = await runs.UpdateAsync(runId, r => r.IsFinished ? null : change(r) with
        {
            Status = RunStatus.Succeeded, FinishedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        await gate.ReleaseAsync(runId, cancellationToken);
        Log.RunSucceeded(logger, runId, finished!.Customers, finished.Movers);
    }

    private async Task<RunRecord> MarkAsync(string runId, Func<RunRecord, RunRecord> mark, CancellationToken cancellationToken) =>
        await runs.UpdateAsync(runId, r => mark(r) with { UpdatedAt = clock.GetUtcNow() }, cancellationToken)
        ?? throw new InvalidOperationException($"Run {runId} disappeared while it ran.");

    private async Task<TieringPolicy> PolicyOfAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var json = await artifacts.ReadTextAsync(RunArtifacts.PolicyPath(run.Id), cancellationToken)
            ?? throw new InvalidOperationException($"Run {run.Id} has no policy.");
        return TieringPolicyJson.Parse(json).Policy ?? throw new InvalidOperationException($"Run {run.Id}'s policy does not parse.");
    }
}
