using Azure.Data.Tables;

namespace CustomerTiering.Storage;

/// <summary>
/// Upserts entities in transactions of up to 100 per partition, several partitions at once. Replaces whole entities, so
/// writing the same rows again (a retried or re-uploaded file) leaves the table exactly as one write would. Transactions
/// of one partition never overlap: a row written twice ends as its later version, whatever the timing. At most
/// <paramref name="maxPending"/> rows wait for their partition's batch to fill; past that the fullest batch goes out early.
/// </summary>
public sealed class BatchWriter(TableClient table, int parallelism = 8, int maxPending = BatchWriter.DefaultMaxPending)
{
    private const int TransactionSize = 100;

    /// <summary>
    /// Enough for every partition's batch to fill: a file's rows come spread over all partitions, and storage (Table
    /// storage and the emulator alike) spends per request more than per row, so a bound of 5 000 sent transactions of
    /// about 30 rows and three times the requests. 25 600 order rows take about 22 MB (850 bytes each).
    /// </summary>
    private const int DefaultMaxPending = TableKeys.Partitions * TransactionSize;

    private readonly Dictionary<string, PendingBatch> _pending = new(StringComparer.Ordinal);
    private readonly List<Task> _inFlight = [];
    private readonly Dictionary<string, Task> _lastByPartition = new(StringComparer.Ordinal);

    private int _pendingCount;

    public long Written { get; private set; }

    public async Task AddAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var partition = entity.PartitionKey;
        if (!_pending.TryGetValue(partition, out var batch))
        {
            _pending[partition] = batch = new PendingBatch();
        }

        if (batch.Add(entity))
        {
            _pendingCount++;
        }

        if (batch.Count == TransactionSize)
        {
            await SubmitPendingAsync(partition, cancellationToken);
        }
        else if (_pendingCount > maxPending)
        {
            await SubmitPendingAsync(_pending.MaxBy(p => p.Value.Count).Key, cancellationToken);
        }
    }

    private async Task SubmitPendingAsync(string partition, CancellationToken cancellationToken)
    {
        var batch = _pending[partition];
        _pending.Remove(partition);
        _pendingCount -= batch.Count;
        await SubmitAsync(batch.Rows, cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var batch in _pending.Values.ToList())
        {
            await SubmitAsync(batch.Rows, cancellationToken);
        }

        _pending.Clear();
        _pendingCount = 0;
        await Task.WhenAll(_inFlight);
        _inFlight.Clear();
        _lastByPartition.Clear();
    }

    private async Task SubmitAsync(List<TableEntity> batch, CancellationToken cancellationToken)
    {
        var partition = batch[0].PartitionKey;
        if (_lastByPartition.TryGetValue(partition, out var earlier))
        {
            await earlier;
        }

        // One look at what is running: counted and awaited separately, all of it could finish in between.
        while (_inFlight.Where(t => !t.IsCompleted).ToList() is { } running && running.Count >= parallelism)
        {
            await Task.WhenAny(running);
        }

        foreach (var failed in _inFlight.Where(t => t.IsFaulted).ToList())
        {
            await failed; // surfaces a failed transaction
        }

        _inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        var submitted = SendAsync(batch, cancellationToken);
        _inFlight.Add(submitted);
        _lastByPartition[partition] = submitted;
        Written += batch.Count;
    }

    /// <summary>
    /// Sends one transaction and drops its answer: a sub-response per row with its buffers, 845 KB for 100 rows. The
    /// task stays its partition's last until the partition's next transaction, so a task that held the answer kept up to
    /// 256 of them alive (216 MB with full transactions, and an ingestion's working set past 550 MB).
    /// </summary>
    private async Task SendAsync(List<TableEntity> batch, CancellationToken cancellationToken) =>
        await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);

    /// <summary>One partition's rows waiting for their transaction, each row key once.</summary>
    private sealed class PendingBatch
    {
        // TableEntity.RowKey is a dictionary lookup: comparing it row by row cost a fifth of an ingestion's CPU.
        private readonly Dictionary<string, int> _indexByRowKey = new(TransactionSize, StringComparer.Ordinal);

        public List<TableEntity> Rows { get; } = new(TransactionSize);

        public int Count => Rows.Count;

        /// <summary>
        /// Adds the row, or replaces an earlier version of it (the service refuses a row twice in one transaction, and
        /// the later version is the one to keep); true when it was new.
        /// </summary>
        public bool Add(TableEntity entity)
        {
            var rowKey = entity.RowKey;
            if (_indexByRowKey.TryGetValue(rowKey, out var existing))
            {
                Rows[existing] = entity;
                return false;
            }

            _indexByRowKey[rowKey] = Rows.Count;
            Rows.Add(entity);
            return true;
        }
    }
}
