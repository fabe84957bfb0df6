using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Ingestion;

/// <summary>
/// The ingestion ledger: one row per blob version, keyed by an id derived from the blob's name and ETag, so the same event
/// delivered twice finds the same row, and a re-uploaded file (a new ETag) gets a new one.
/// </summary>
public sealed class IngestionLedger(StorageAccount account)
{
    private const string Partition = "ingestion";
    private TableClient Table => account.Tables.GetTableClient(StorageNames.IngestionsTable);

    public static string IdOf(string blobName, string eTag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobName}\n{eTag.Trim('"')}")).AsSpan(0, 12));

    public async Task<IngestionRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SaveAsync(IngestionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await Table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The ids of the ingestions that ended before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<string>> EndedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var ended = new List<string>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            var record = FromEntity(entity);
            if (record.Status is not (IngestionStatus.Queued or IngestionStatus.Running) && record.UpdatedAt < before)
            {
                ended.Add(record.Id);
            }
        }

        return ended;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(Partition, id, Azure.ETag.All, cancellationToken);

    /// <summary>
    /// The most recent ingestions, newest first, of every file or only of those uploaded by <paramref name="uploaderId"/>
    /// (the ledger is a few rows a day: a scan is cheap).
    /// </summary>
    public async Task<IReadOnlyList<IngestionRecord>> RecentAsync(int top, string? uploaderId = null, CancellationToken cancellationToken = default)
    {
        var all = new List<IngestionRecord>();
        var filter = uploaderId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and UploadedById eq {uploaderId}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            all.Add(FromEntity(entity));
        }

        return [.. all.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(top)];
    }

    private static TableEntity ToEntity(IngestionRecord r) => new(Partition, r.Id)
    {
        ["BlobName"] = r.BlobName,
        ["BlobETag"] = r.ETag,
        ["Status"] = r.Status.ToString(),
        ["Kind"] = r.Kind,
        ["Rows"] = r.Rows,
        ["Accepted"] = r.Accepted,
        ["Rejected"] = r.Rejected,
        ["WithoutCustomer"] = r.WithoutCustomer,
        ["Erased"] = r.Erased,
        ["Written"] = r.Written,
        ["Reason"] = r.Reason is { Length: > 4000 } reason ? reason[..4000] : r.Reason,
        ["ReportPath"] = r.ReportPath,
        ["Attempts"] = r.Attempts,
        ["UploadedBy"] = r.UploadedBy?.Name,
        ["UploadedById"] = r.UploadedBy?.ObjectId,
        ["CreatedAt"] = r.CreatedAt,
        ["UpdatedAt"] = r.UpdatedAt,
    };

    private static IngestionRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        BlobName = e.GetString("BlobName"),
        ETag = e.GetString("BlobETag"),
        Status = Enum.TryParse<IngestionStatus>(e.GetString("Status"), out var status) ? status : IngestionStatus.Queued,
        Kind = e.GetString("Kind"),
        Rows = e.GetInt64("Rows") ?? 0,
        Accepted = e.GetInt64("Accepted") ?? 0,
        Rejected = e.GetInt64("Rejected") ?? 0,
        WithoutCustomer = e.GetInt64("WithoutCustomer") ?? 0,
        Erased = e.GetInt64("Erased") ?? 0,
        Written = e.GetInt64("Written") ?? 0,
        Reason = e.GetString("Reason"),
        ReportPath = e.GetString("ReportPath"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        UploadedBy = e.GetString("UploadedBy") is { } uploader ? new Actor(e.GetString("UploadedById"), uploader) : null,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
