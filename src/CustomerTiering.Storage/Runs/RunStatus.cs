namespace CustomerTiering.Storage.Runs;

/// <summary>Where a regrade run is. A run goes forward only; Failed can be resumed at the phase it failed in.</summary>
public enum RunStatus
{
    /// <summary>Shards are reading customers and orders into metrics.</summary>
    Measuring,

    /// <summary>Graded; shards are writing the period's rows aside.</summary>
    Writing,

    /// <summary>The period is current; shards are publishing tier-changed events.</summary>
    Publishing,

    Succeeded,

    Failed,
}
