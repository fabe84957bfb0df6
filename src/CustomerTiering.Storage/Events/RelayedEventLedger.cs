using Azure.Data.Tables;

namespace CustomerTiering.Storage.Events;

/// <summary>
/// Remembers which events have reached the topic. An event is recorded only once it was sent, so that no failure between
/// a check and a send can lose it: two copies relayed at the same moment may both be sent, and the topic's duplicate
/// detection (by message id, the event id, over a day) drops the second; a copy that comes later finds the record and is
/// dropped here. An event's id names its customer (<c>{runId}:{customerId}</c>), so the ledger keeps its keyed hash
/// instead: nothing here needs erasing when the customer is.
/// </summary>
public sealed class RelayedEventLedger(StorageAccount account, Privacy.CustomerIdHasher hasher)
{
    private TableClient Table => account.Tables.GetTableClient(StorageNames.RelayedEventsTable);

    /// <summary>
    /// Forgets events relayed before <paramref name="before"/>: a duplicate delivery comes within the queue's retries,
    /// minutes later, never months; answers how many went.
    /// </summary>
    public Task<long> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var rows = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Timestamp lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        return TableDeletes.DeleteAsync(Table, rows, cancellationToken);
    }

    /// <summary>True when the event has reached the topic, by any queue message.</summary>
    public async Task<bool> WasRelayedAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var (partition, row) = KeysOf(eventId);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["RowKey"], cancellationToken: cancellationToken);
        return found.HasValue;
    }

    /// <summary>Records that the event has reached the topic, sent by <paramref name="messageId"/>; repeating it changes nothing.</summary>
    public async Task RecordRelayedAsync(string eventId, string messageId, CancellationToken cancellationToken = default)
    {
        var (partition, row) = KeysOf(eventId);
        await Table.UpsertEntityAsync(new TableEntity(partition, row) { ["MessageId"] = messageId }, TableUpdateMode.Replace, cancellationToken);
    }

    private (string Partition, string Row) KeysOf(string eventId)
    {
        var row = hasher.Hash(eventId);
        return (TableKeys.PartitionOf(row), row);
    }
}
