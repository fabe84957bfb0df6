namespace CustomerTiering.Storage.Privacy;

public enum ErasureStatus
{
    /// <summary>Recorded; the erased ids are already refused by ingestion and regrading, their data not yet removed.</summary>
    Pending,

    /// <summary>Every table, blob and report of the product holds nothing more of them.</summary>
    Done,
}

/// <summary>
/// A request to erase customers, as kept for good: when, who asked, how many, when it was done and what it removed;
/// never whom (their ids wait in <see cref="ErasureRequests"/> until the request is done, then go).
/// </summary>
public sealed record ErasureRequest
{
    public required string Id { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required Actor RequestedBy { get; init; }

    public required int Customers { get; init; }

    public ErasureStatus Status { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many requests were applied together with this one (itself included).</summary>
    public int AppliedWith { get; init; }

    /// <summary>What the batch removed, by place (rows, files rewritten or removed).</summary>
    public IReadOnlyDictionary<string, long> Removed { get; init; } = new Dictionary<string, long>();
}
