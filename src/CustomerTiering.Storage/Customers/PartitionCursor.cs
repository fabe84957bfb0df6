using Azure.Data.Tables;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// A range query's rows taken a partition at a time. The rows come in partition key order, so the partitions must be
/// asked for in that order; a row of an earlier partition than the one asked for means they did not, and is an error
/// rather than a row silently skipped.
/// </summary>
internal sealed class PartitionCursor(IAsyncEnumerable<TableEntity> rows) : IAsyncDisposable
{
    private readonly IAsyncEnumerator<TableEntity> _rows = rows.GetAsyncEnumerator();
    private bool _started;
    private bool _more;

    public async IAsyncEnumerable<TableEntity> TakeAsync(string partition)
    {
        if (!_started)
        {
            _started = true;
            _more = await _rows.MoveNextAsync();
        }

        while (_more)
        {
            var order = string.CompareOrdinal(_rows.Current.PartitionKey, partition);
            if (order > 0)
            {
                yield break;
            }

            if (order < 0)
            {
                throw new InvalidOperationException(
                    $"Partition {partition} was asked for after a row of {_rows.Current.PartitionKey}: partitions are read in key order.");
            }

            yield return _rows.Current;
            _more = await _rows.MoveNextAsync();
        }
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
