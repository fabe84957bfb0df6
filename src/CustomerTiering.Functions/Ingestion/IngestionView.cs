using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>An ingestion as the API shows it: the ledger's record, with links to its report and its rejected rows.</summary>
public sealed record IngestionView(
    string Id,
    string BlobName,
    IngestionStatus Status,
    string? Kind,
    long Rows,
    long Accepted,
    long Rejected,
    long WithoutCustomer,
    long Erased,
    long Written,
    string? Reason,
    string? ReportPath,
    string? ReportUrl,
    string? RejectedRowsUrl,
    int Attempts,
    Actor? UploadedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsFinished)
{
    public static IngestionView Of(IngestionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var finished = record.ReportPath is not null;
        return new IngestionView(
            record.Id, record.BlobName, record.Status, record.Kind, record.Rows, record.Accepted, record.Rejected, record.WithoutCustomer, record.Erased,
            record.Written, record.Reason, record.ReportPath,
            finished ? $"/api/ingestions/{record.Id}/report" : null,
            finished && record.Rejected > 0 ? $"/api/ingestions/{record.Id}/rejected.csv" : null,
            record.Attempts, record.UploadedBy, record.CreatedAt, record.UpdatedAt, record.IsFinished);
    }
}
