namespace CustomerTiering.Storage.Runs;

/// <summary>The run holding the regrade lock and since when; both null for a holder that has not said (yet).</summary>
public sealed record LockHolder(string? RunId, DateTimeOffset? AcquiredAt);
