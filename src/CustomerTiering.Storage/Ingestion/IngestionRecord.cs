namespace CustomerTiering.Storage.Ingestion;

/// <summary>One file's ingestion, as the ledger keeps it.</summary>
public sealed record IngestionRecord
{
    public required string Id { get; init; }

    public required string BlobName { get; init; }

    public required string ETag { get; init; }

    public IngestionStatus Status { get; init; }

    public string? Kind { get; init; }

    public long Rows { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    /// <summary>Orders or order lines without a customer id (guest sales): counted, not written, never rejected.</summary>
    public long WithoutCustomer { get; init; }

    /// <summary>Rows of erased customers: skipped, never written (docs/privacy.md).</summary>
    public long Erased { get; init; }

    public long Written { get; init; }

    public string? Reason { get; init; }

    public string? ReportPath { get; init; }

    /// <summary>Deliveries that have started this ingestion; the host's retries count here.</summary>
    public int Attempts { get; init; }

    /// <summary>Who uploaded the file through the API, from their token; null for a file dropped into the container.</summary>
    public Actor? UploadedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsFinished => Status is IngestionStatus.Succeeded or IngestionStatus.PartiallySucceeded or IngestionStatus.Rejected;
}
