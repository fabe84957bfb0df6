using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// The first phase of a shard: its partitions' customers, orders and invoices, folded into metrics for the run's window.
/// Erased customers whose rows an erasure has not removed yet are left out.
/// </summary>
public sealed class ShardMeasurer(CustomerHistoryReader reader, RunArtifacts artifacts, ErasedCustomers erased, IOptions<RegradeOptions> options)
{
    public async Task<int> MeasureAsync(RunRecord run, int shard, TieringPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(policy);
        var window = new MetricsWindow(run.AsOf, policy.LookbackMonths);
        var slices = ShardWork.PartitionsOf(shard, run.Shards).Split(options.Value.ReadParallelism);
        var measured = new List<StoredMetrics>[slices.Count];
        var erasedSet = await erased.LoadAsync(cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, slices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var metrics = new List<StoredMetrics>();
                await foreach (var history in reader.ReadAsync(slices[i], ct))
                {
                    if (erasedSet.Contains(history.Profile.Id.Value))
                    {
                        continue;
                    }

                    metrics.Add(StoredMetrics.From(MetricsCalculator.Calculate(history.Profile, history.Orders, window) with
                    {
                        Credit = CreditRecord.Of(history.Invoices, window, history.Profile.CreditLimit),
                    }));
                }

                measured[i] = metrics;
            });

        // Rewritten whole by a retry: the grading step only ever reads a complete file.
        await artifacts.WriteLinesAsync(RunArtifacts.MetricsPath(run.Id, shard), measured.SelectMany(m => m), GradeJson.Default.StoredMetrics, cancellationToken);
        return measured.Sum(m => m.Count);
    }
}
