namespace CustomerTiering.Exports.Records;

/// <summary>What happened to one uploaded file: written as JSON to <c>reports/ingest/{id}.json</c> for the uploader.</summary>
public sealed record IngestionReport
{
    public required string IngestionId { get; init; }

    public required string BlobName { get; init; }

    public required string Status { get; init; }

    public string? Kind { get; init; }

    public string? Reason { get; init; }

    public long Rows { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    public long Written { get; init; }

    public double RejectedShare { get; init; }

    public double MaxRejectedShare { get; init; }

    /// <summary>The first rejected rows; the rest are in <see cref="RejectedRowsPath"/>.</summary>
    public IReadOnlyList<RowError> RejectedRows { get; init; } = [];

    public string? RejectedRowsPath { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public double Seconds { get; init; }
}
