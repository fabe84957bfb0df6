namespace CustomerTiering.Exports.Records;

/// <summary>What happened to one uploaded file: written as JSON to <c>reports/ingest/{id}.json</c> for the uploader.</summary>
public sealed record IngestionReport
{
    public required string IngestionId { get; init; }

    public required string BlobName { get; init; }

    /// <summary>Rejected until the rows say otherwise.</summary>
    public IngestionOutcome Status { get; init; } = IngestionOutcome.Rejected;

    public string? Kind { get; init; }

    public string? Reason { get; init; }

    /// <summary>The file's data rows, whatever the kind: every row is accepted, rejected or without a customer, once.</summary>
    public long Rows { get; init; }

    public long Accepted { get; init; }

    public long Rejected { get; init; }

    /// <summary>Orders or order lines without a customer id (guest sales), and their net amount: left out, not rejected.</summary>
    public long WithoutCustomer { get; init; }

    public decimal WithoutCustomerAmount { get; init; }

    /// <summary>Rows of erased customers: skipped, counted in no other figure, never written.</summary>
    public long Erased { get; init; }

    /// <summary>The orders written: an order file's accepted rows, or the invoices an order-line file's lines made.</summary>
    public long Orders { get; init; }

    /// <summary>The format the order dates were read in, and where it came from (<c>inferred</c>, <c>upload</c>, <c>profile</c>).</summary>
    public string? DateFormat { get; init; }

    public string? DateFormatSource { get; init; }

    /// <summary>What the file's values needed that is worth knowing: ids written as decimals, dates in no single format.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Each header column and what became of it.</summary>
    public IReadOnlyList<Mapping.ColumnUse> Columns { get; init; } = [];

    public long Written { get; init; }

    public double RejectedShare { get; init; }

    public double MaxRejectedShare { get; init; }

    /// <summary>The problems of the first rejected rows (a row may have several); all of them are in <see cref="RejectedRowsPath"/>.</summary>
    public IReadOnlyList<RowError> RejectedRows { get; init; } = [];

    public string? RejectedRowsPath { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public double Seconds { get; init; }
}
