using Azure.Data.Tables;

namespace CustomerTiering.Storage.Grades;

/// <summary>The graded rows of every run, keyed so that one customer's grade in one run is a point read.</summary>
public sealed class GradeStore(StorageAccount account)
{
    private TableClient Table => account.Tables.GetTableClient(StorageNames.GradesTable);

    public GradeWriter Writer(int parallelism) => new(new BatchWriter(Table, parallelism));

    public async Task<StoredGrade?> GetAsync(string runId, string customerId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            GradeEntities.PartitionKey(runId, customerId), GradeEntities.RowKey(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? GradeEntities.FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// One page of a run's grades matching <paramref name="filter"/>, in table order (partition, then customer id): a
    /// stable order, so following the continuation never repeats or skips a row. A page may hold fewer rows than asked
    /// (the service stops a page at partition and time boundaries) and still have a continuation.
    /// </summary>
    public async Task<(IReadOnlyList<StoredGrade> Grades, string? Continuation)> PageAsync(
        string runId, GradeFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Table.QueryAsync<TableEntity>(filter.ToODataFor(runId), maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuation, pageSize))
        {
            return ([.. page.Values.Select(GradeEntities.FromEntity).Where(filter.Admits)], page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Deletes every grade of a run; answers how many.</summary>
    public Task<long> DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var ofRun = PartitionRange.All.Names.Select(p => $"{runId}-{p}").ToHashSet(StringComparer.Ordinal);
        var (first, last) = ($"{runId}-{TableKeys.PartitionName(0)}", $"{runId}-{TableKeys.PartitionName(TableKeys.Partitions - 1)}");
        // The range also holds a run whose id extends this one's with "-p001…" (ids may hold '-'): only exact partitions go.
        var rows = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}"),
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).Where(e => ofRun.Contains(e.PartitionKey));
        return TableDeletes.DeleteAsync(Table, rows, cancellationToken);
    }

    /// <summary>True when the continuation token is the service's and points inside <paramref name="runId"/>'s partitions.</summary>
    public static bool IsContinuationOf(string runId, string continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        // The SDK's token is "{base64 next partition key} {base64 next row key}".
        Span<byte> partition = stackalloc byte[256];
        return continuation.Split(' ') is [var next, _]
               && Convert.TryFromBase64String(next, partition, out var length)
               && System.Text.Encoding.UTF8.GetString(partition[..length]).StartsWith(runId + "-", StringComparison.Ordinal);
    }
}
