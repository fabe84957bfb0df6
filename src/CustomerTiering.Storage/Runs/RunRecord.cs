namespace CustomerTiering.Storage.Runs;

/// <summary>One regrade run: what it grades, with which policy, how far it got and how long each phase took.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    public required string Period { get; init; }

    public required DateOnly AsOf { get; init; }

    public required string PolicyVersion { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Scheduled or OnDemand.</summary>
    public required string Trigger { get; init; }

    /// <summary>The administrator who asked for an on-demand run, from their token; null for a scheduled one.</summary>
    public Actor? RequestedBy { get; init; }

    public RunStatus Status { get; init; }

    public required int Shards { get; init; }

    public required ShardSet Measured { get; init; }

    public required ShardSet Written { get; init; }

    public required ShardSet Published { get; init; }

    /// <summary>
    /// Set by the first shard to measure, once no ingestion was writing: from then until measuring ends, ingestions wait
    /// (<see cref="Ingestion.ExportWriteGate"/>), so the run sees each export whole or not at all.
    /// </summary>
    public bool WritesHeld { get; init; }

    /// <summary>The run whose grades were this run's previous period (hysteresis, movements); null for the first period.</summary>
    public string? PreviousRunId { get; init; }

    /// <summary>For a dry run: the current period's run it is compared with.</summary>
    public string? ComparedWithRunId { get; init; }

    public int Customers { get; init; }

    /// <summary>Customers whose tier moved up or down: one event each.</summary>
    public int Movers { get; init; }

    /// <summary>For a failed run, the phase to resume.</summary>
    public RunStatus? FailedIn { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? GradedAt { get; init; }

    public DateTimeOffset? CommittedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Milliseconds spent in the grading engine itself, apart from storage.</summary>
    public long EngineMilliseconds { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsFinished => Status is RunStatus.Succeeded or RunStatus.Failed;
}
