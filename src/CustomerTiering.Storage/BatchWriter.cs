using Azure.Data.Tables;

namespace CustomerTiering.Storage;

/// <summary>
/// Upserts entities in transactions of up to 100 per partition, several partitions at once. Replaces whole entities, so
/// writing the same rows again (a retried or re-uploaded file) leaves the table exactly as one write would.
/// </summary>
public sealed class BatchWriter(TableClient table, int parallelism = 8)
{
    private const int TransactionSize = 100;
    private readonly Dictionary<string, List<TableEntity>> _pending = new(StringComparer.Ordinal);
    private readonly List<Task> _inFlight = [];

    public long Written { get; private set; }

    public async Task AddAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!_pending.TryGetValue(entity.PartitionKey, out var batch))
        {
            _pending[entity.PartitionKey] = batch = new List<TableEntity>(TransactionSize);
        }

        // A row written twice in one transaction is refused by the service: the later version replaces the earlier here.
        var existing = batch.FindIndex(e => e.RowKey == entity.RowKey);
        if (existing >= 0)
        {
            batch[existing] = entity;
        }
        else
        {
            batch.Add(entity);
        }

        if (batch.Count == TransactionSize)
        {
            _pending.Remove(entity.PartitionKey);
            await SubmitAsync(batch, cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var batch in _pending.Values.ToList())
        {
            await SubmitAsync(batch, cancellationToken);
        }

        _pending.Clear();
        await Task.WhenAll(_inFlight);
        _inFlight.Clear();
    }

    private async Task SubmitAsync(List<TableEntity> batch, CancellationToken cancellationToken)
    {
        if (_inFlight.Count >= parallelism)
        {
            var done = await Task.WhenAny(_inFlight);
            _inFlight.Remove(done);
            await done; // surfaces a failed transaction
        }

        _inFlight.Add(table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken));
        Written += batch.Count;
    }
}
