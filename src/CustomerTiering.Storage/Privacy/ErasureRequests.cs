using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// Erasure requests: the record in the <c>Erasures</c> table (partition <c>request</c>, newest first), and while one is
/// pending, its customer ids (and the names found for them) in <c>privacy/requests/{id}.json</c>, deleted when it is done.
/// </summary>
public sealed class ErasureRequests(StorageAccount account)
{
    private const string Partition = "request";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => account.Tables.GetTableClient(StorageNames.ErasuresTable);

    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.PrivacyContainer);

    public static string NewId(DateTimeOffset at) => TableKeys.NewestFirst("", at)[..19] + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Keeps the subjects first, then the record: a pending record always has its ids.</summary>
    public async Task CreateAsync(ErasureRequest request, ErasureSubjects subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SaveSubjectsAsync(request.Id, subjects, cancellationToken);
        await Table.AddEntityAsync(ToEntity(request), cancellationToken);
    }

    public async Task<ErasureRequest?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>The most recent requests, newest first.</summary>
    public async Task<IReadOnlyList<ErasureRequest>> RecentAsync(int top, CancellationToken cancellationToken = default)
    {
        var all = new List<ErasureRequest>();
        await foreach (var page in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: top, cancellationToken: cancellationToken).AsPages())
        {
            all.AddRange(page.Values.Select(FromEntity));
            if (all.Count >= top)
            {
                break;
            }
        }

        return [.. all.Take(top)];
    }

    public async Task<IReadOnlyList<ErasureRequest>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<ErasureRequest>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {nameof(ErasureStatus.Pending)}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(FromEntity(entity));
        }

        return pending;
    }

    /// <summary>A pending request's customers; none once it is done.</summary>
    public async Task<ErasureSubjects> SubjectsAsync(string id, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(SubjectsPath(id)).DownloadContentOrNullAsync(cancellationToken) is { } content
            ? content.ToObjectFromJson<ErasureSubjects>(Json) ?? ErasureSubjects.None
            : ErasureSubjects.None;

    public async Task SaveSubjectsAsync(string id, ErasureSubjects subjects, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(SubjectsPath(id)).UploadAsync(BinaryData.FromObjectAsJson(subjects, Json), overwrite: true, cancellationToken);

    /// <summary>Records the request done, then forgets whom it was about.</summary>
    public async Task CompleteAsync(ErasureRequest done, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(done);
        await Table.UpsertEntityAsync(ToEntity(done), TableUpdateMode.Replace, cancellationToken);
        await Container.GetBlobClient(SubjectsPath(done.Id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private static string SubjectsPath(string id) => $"requests/{id}.json";

    private static TableEntity ToEntity(ErasureRequest r) => new(Partition, r.Id)
    {
        ["RequestedAt"] = r.RequestedAt,
        ["RequestedBy"] = r.RequestedBy.Name,
        ["RequestedById"] = r.RequestedBy.ObjectId,
        ["Customers"] = r.Customers,
        ["Status"] = r.Status.ToString(),
        ["CompletedAt"] = r.CompletedAt,
        ["AppliedWith"] = r.AppliedWith,
        ["Removed"] = JsonSerializer.Serialize(r.Removed, Json),
    };

    private static ErasureRequest FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        RequestedAt = e.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        RequestedBy = new Actor(e.GetString("RequestedById"), e.GetString("RequestedBy") ?? ""),
        Customers = e.GetInt32("Customers") ?? 0,
        Status = Enum.TryParse<ErasureStatus>(e.GetString("Status"), out var status) ? status : ErasureStatus.Pending,
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
        AppliedWith = e.GetInt32("AppliedWith") ?? 0,
        Removed = e.GetString("Removed") is { } removed ? JsonSerializer.Deserialize<Dictionary<string, long>>(removed, Json) ?? [] : [],
    };
}
