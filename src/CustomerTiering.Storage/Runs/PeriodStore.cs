using System.Globalization;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Runs;

/// <summary>
/// The pointers readers follow: one row per graded period naming the run that graded it. A run writes its grades under
/// its own keys and flips its period's row only once everything is written, in one row write: readers see the whole
/// previous run or the whole new one, never a mix. The current period is the latest committed one.
/// </summary>
public sealed class PeriodStore(StorageAccount account)
{
    private const string Partition = "period";
    private TableClient Table => account.Tables.GetTableClient(StorageNames.PeriodsTable);

    public async Task CommitAsync(CommittedPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await Table.UpsertEntityAsync(new TableEntity(Partition, period.Period)
        {
            ["RunId"] = period.RunId,
            ["PolicyVersion"] = period.PolicyVersion,
            ["AsOf"] = period.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CommittedAt"] = period.CommittedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every committed period, oldest first.</summary>
    public async Task<IReadOnlyList<CommittedPeriod>> ListAsync(CancellationToken cancellationToken = default)
    {
        var periods = new List<CommittedPeriod>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            periods.Add(new CommittedPeriod(e.RowKey, e.GetString("RunId"), e.GetString("PolicyVersion"),
                DateOnly.ParseExact(e.GetString("AsOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetDateTimeOffset("CommittedAt") ?? default));
        }

        return [.. periods.OrderBy(p => p.Period, StringComparer.Ordinal)];
    }

    /// <summary>Forgets a period: readers no longer find it (its run's grades are deleted after, by the caller).</summary>
    public async Task DeleteAsync(string period, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(Partition, period, Azure.ETag.All, cancellationToken);

    public async Task<CommittedPeriod?> CurrentAsync(CancellationToken cancellationToken = default) =>
        await ListAsync(cancellationToken) is { Count: > 0 } periods ? periods[^1] : null;
}
