using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Whether one instance can hold a run's grading step, which ranks every customer at once and so holds them all. Asked
/// before the step reads anything: a run too large for its instance would otherwise run out of memory, die, be retried
/// and die again, five times, without a word about why.
/// </summary>
public sealed class GradingCapacity(IOptions<RegradeOptions> options)
{
    /// <summary>
    /// Memory the step holds per customer at its peak, above what the worker held before: 815, 776 and 820 B a customer
    /// at 1, 2 and 5 million (`ScaleBenchmark -- grading-step`, docs/performance.md#capacity), rounded up.
    /// </summary>
    public const long BytesPerCustomer = 900;

    /// <summary>The share of the instance's memory a run may plan to fill; the rest is the headroom the GC and the host need.</summary>
    public const double UsableShare = 0.9;

    /// <summary>Throws <see cref="RunTooLargeException"/> when grading <paramref name="customers"/> would not fit in the instance.</summary>
    public void Check(long customers)
    {
        const long MB = 1024 * 1024;
        var instance = options.Value.GradingMemoryMB > 0 ? options.Value.GradingMemoryMB * MB : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var held = Environment.WorkingSet;
        var needed = customers * BytesPerCustomer;
        if (held + needed > instance * UsableShare)
        {
            var fits = Math.Max(0, (long)(instance * UsableShare) - held) / BytesPerCustomer;
            throw new RunTooLargeException(
                $"Grading {customers:N0} customers needs about {needed / MB:N0} MB in one instance, besides the {held / MB:N0} MB the worker holds; " +
                $"the instance has {instance / MB:N0} MB, of which a run plans to fill {UsableShare:P0}: it can grade about {fits:N0}. " +
                "Deploy with a larger instanceMemoryMB (docs/performance.md#capacity gives the customers each size grades), then resume the run.");
        }
    }
}
