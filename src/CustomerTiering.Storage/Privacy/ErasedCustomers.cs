using Azure.Data.Tables;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// Every erased customer id, as its keyed hash (<see cref="CustomerIdHasher"/>), in the <c>Erasures</c> table: what
/// ingestion and regrading consult so that an erased person never comes back. Kept for good: forgetting a hash would
/// let an old export bring the person back.
/// </summary>
public sealed class ErasedCustomers(StorageAccount account, CustomerIdHasher hasher)
{
    private const string Partition = "erased";

    private TableClient Table => account.Tables.GetTableClient(StorageNames.ErasuresTable);

    public async Task AddAsync(IEnumerable<string> customerIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var writer = new BatchWriter(Table);
        foreach (var hash in customerIds.Select(id => hasher.Hash(id)).Distinct(StringComparer.Ordinal))
        {
            await writer.AddAsync(new TableEntity(Partition, hash) { ["ErasedAt"] = at }, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public async Task<ErasedSet> LoadAsync(CancellationToken cancellationToken = default)
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var query = Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            hashes.Add(entity.RowKey);
        }

        return new ErasedSet(hashes, hasher);
    }

    public async Task<bool> ContainsAsync(string customerId, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Partition, hasher.Hash(customerId), ["RowKey"], cancellationToken)).HasValue;
}
