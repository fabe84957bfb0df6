using Azure.Data.Tables;

namespace CustomerTiering.Storage;

/// <summary>Deletes table rows in transactions of up to 100 of one partition; a row already gone is skipped, so a repeat is safe.</summary>
public static class TableDeletes
{
    private const int TransactionSize = 100;

    /// <summary>Deletes <paramref name="rows"/>, which come partition by partition (as a query answers); answers how many.</summary>
    public static async Task<long> DeleteAsync(TableClient table, IAsyncEnumerable<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long deleted = 0;
        var batch = new List<TableEntity>(TransactionSize);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (batch.Count == TransactionSize || (batch.Count > 0 && batch[0].PartitionKey != row.PartitionKey))
            {
                deleted += await DeleteBatchAsync(table, batch, cancellationToken);
                batch.Clear();
            }

            batch.Add(row);
        }

        return deleted + (batch.Count > 0 ? await DeleteBatchAsync(table, batch, cancellationToken) : 0);
    }

    /// <summary>Deletes rows of one partition, at most 100, in one transaction.</summary>
    public static async Task<int> DeleteBatchAsync(TableClient table, IReadOnlyCollection<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            await table.SubmitTransactionAsync(rows.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All)), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // One went between the read and the delete (another erasure or sweep, a retry): delete the rest one by one.
            foreach (var entity in rows)
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Azure.ETag.All, cancellationToken);
            }
        }

        return rows.Count;
    }
}
