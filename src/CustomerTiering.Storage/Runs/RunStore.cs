using Azure;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Runs;

/// <summary>
/// The runs table. Shards of one run finish concurrently on several instances, so every change is a read-modify-write
/// under the row's ETag, retried when another instance got there first: no shard's mark is ever lost.
/// </summary>
public sealed class RunStore(StorageAccount account)
{
    private const string Partition = "run";
    private TableClient Table => account.Tables.GetTableClient(StorageNames.RunsTable);

    /// <summary>False when a run of that id exists already.</summary>
    public async Task<bool> CreateAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await Table.AddEntityAsync(RunEntities.ToEntity(Partition, run), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? RunEntities.FromEntity(response.Value!) : null;
    }

    /// <summary>Applies <paramref name="change"/> to the stored run (null: leave it), retrying on a concurrent change. Returns the run as stored after.</summary>
    public async Task<RunRecord?> UpdateAsync(string id, Func<RunRecord, RunRecord?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                return null;
            }

            var current = RunEntities.FromEntity(response.Value!);
            if (change(current) is not { } changed || changed == current)
            {
                return current;
            }

            try
            {
                await Table.UpdateEntityAsync(RunEntities.ToEntity(Partition, changed), response.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another shard changed the run since it was read: read it again and reapply.
            }
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);

    /// <summary>The most recent runs, newest first (a few a month: a scan is cheap).</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int top, CancellationToken cancellationToken = default)
    {
        var all = new List<RunRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            all.Add(RunEntities.FromEntity(entity));
        }

        return [.. all.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(top)];
    }
}
