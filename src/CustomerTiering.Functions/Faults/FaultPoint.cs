namespace CustomerTiering.Functions.Faults;

/// <summary>The moments of the app's work at which tests make a fault happen (<see cref="IFaultInjection"/>).</summary>
public enum FaultPoint
{
    /// <summary>An ingestion has handed one more row to its table writer.</summary>
    IngestionRowWritten,

    /// <summary>A regrade shard has handed one more grade to its table writer.</summary>
    GradeRowWritten,

    /// <summary>A regrade shard has queued one more event for the relay.</summary>
    EventQueued,

    /// <summary>An erasure finished a step (tables, run artifacts, snapshots, reports, exports); the count is the step's number.</summary>
    ErasureStepDone,
}
