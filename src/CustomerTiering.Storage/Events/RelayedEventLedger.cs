using Azure;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Events;

/// <summary>
/// Remembers which event ids have been relayed, and by which queue message. A second message with an id already claimed
/// is a duplicate and is dropped; the claiming message itself, delivered again after a failure, may relay again (its
/// first relay may never have left). An event's id names its customer (<c>{runId}:{customerId}</c>), so the ledger keeps
/// its keyed hash instead: nothing here needs erasing when the customer is.
/// </summary>
public sealed class RelayedEventLedger(StorageAccount account, Privacy.CustomerIdHasher hasher)
{
    private TableClient Table => account.Tables.GetTableClient(StorageNames.RelayedEventsTable);

    /// <summary>
    /// Forgets events claimed before <paramref name="before"/>: a duplicate delivery comes within the queue's retries,
    /// minutes later, never months; answers how many went.
    /// </summary>
    public Task<long> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var rows = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Timestamp lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        return TableDeletes.DeleteAsync(Table, rows, cancellationToken);
    }

    /// <summary>True when <paramref name="messageId"/> may relay the event: it is the first to claim it, or the one that did.</summary>
    public async Task<bool> TryClaimAsync(string eventId, string messageId, CancellationToken cancellationToken = default)
    {
        var row = hasher.Hash(eventId);
        var partition = TableKeys.PartitionOf(row);
        try
        {
            await Table.AddEntityAsync(new TableEntity(partition, row) { ["MessageId"] = messageId }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var claimed = await Table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            return claimed.Value.GetString("MessageId") == messageId;
        }
    }
}
