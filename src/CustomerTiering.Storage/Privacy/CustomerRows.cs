using Azure.Data.Tables;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// A customer's rows in every table that holds them: the profile, orders and invoices, a grade per run, the override
/// and its audit trail. One place knows where they are, so what a subject-access request shows is what erasure removes.
/// </summary>
public sealed class CustomerRows(StorageAccount account)
{
    public async Task<IReadOnlyList<StoredRow>> FindAsync(string customerId, IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var found = new List<StoredRow>();
        await foreach (var (table, entity) in RowsOfAsync(customerId, runIds, cancellationToken))
        {
            found.Add(StoredRow.Of(table, entity));
        }

        return found;
    }

    /// <summary>
    /// Deletes every row of the customer; the override's audit rows move, without whose they were, to the table's
    /// <c>erased</c> partition first. Answers the rows deleted. Safe to repeat: a row already gone is skipped.
    /// </summary>
    public async Task<long> EraseAsync(string customerId, IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        long deleted = 0;
        var byTablePartition = new Dictionary<(string Table, string Partition), List<TableEntity>>();
        await foreach (var (table, entity) in RowsOfAsync(customerId, runIds, cancellationToken))
        {
            if (table == StorageNames.OverridesTable && OverrideStore.AnonymousAudit(entity) is { } anonymous)
            {
                await Table(table).UpsertEntityAsync(anonymous, TableUpdateMode.Replace, cancellationToken);
            }

            var key = (table, entity.PartitionKey);
            if (!byTablePartition.TryGetValue(key, out var rows))
            {
                byTablePartition[key] = rows = [];
            }

            rows.Add(entity);
        }

        foreach (var ((table, _), rows) in byTablePartition)
        {
            foreach (var chunk in rows.Chunk(100))
            {
                deleted += await TableDeletes.DeleteBatchAsync(Table(table), chunk, cancellationToken);
            }
        }

        return deleted;
    }

    private async IAsyncEnumerable<(string Table, TableEntity Row)> RowsOfAsync(
        string customerId, IReadOnlyList<string> runIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKeys.PartitionOf(customerId);
        var key = TableKeys.Escape(customerId);
        if (await Table(StorageNames.CustomersTable).GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken) is { HasValue: true } profile)
        {
            yield return (StorageNames.CustomersTable, profile.Value!);
        }

        // Orders' and invoices' row keys are "{customer}|{id}": the range from '|' up to '}' (the next character) is the customer's.
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {key + "|"} and RowKey lt {key + "}"}");
        foreach (var table in new[] { StorageNames.OrdersTable, StorageNames.InvoicesTable })
        {
            await foreach (var row in Table(table).QueryAsync<TableEntity>(range, cancellationToken: cancellationToken))
            {
                yield return (table, row);
            }
        }

        foreach (var runId in runIds)
        {
            var grade = await Table(StorageNames.GradesTable).GetEntityIfExistsAsync<TableEntity>(
                GradeEntities.PartitionKey(runId, customerId), GradeEntities.RowKey(customerId), cancellationToken: cancellationToken);
            if (grade.HasValue)
            {
                yield return (StorageNames.GradesTable, grade.Value!);
            }
        }

        await foreach (var row in Table(StorageNames.OverridesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), cancellationToken: cancellationToken))
        {
            yield return (StorageNames.OverridesTable, row);
        }
    }

    private TableClient Table(string name) => account.Tables.GetTableClient(name);
}
