using CustomerTiering.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Faults;

/// <summary>
/// For tests that kill the worker at a chosen moment: the first time a run or ingestion reaches the configured point and
/// count, its work settles, a marker blob <c>runs/{workId}/parked</c> says so, and the invocation waits until the test
/// kills the process. The marker outlives the restart, so the retry passes the point.
/// </summary>
public sealed class ParkingFaults(RunArtifacts artifacts, IOptions<ParkingFaultOptions> options, ILogger<ParkingFaults> logger) : IFaultInjection
{
    public static string MarkerPath(string workId) => $"{workId}/parked";

    public async ValueTask AtAsync(FaultPoint point, string workId, long count, Func<CancellationToken, Task>? settle = null, CancellationToken cancellationToken = default)
    {
        if (point != options.Value.ParkAt || count != options.Value.After)
        {
            return;
        }

        if (settle is not null)
        {
            await settle(cancellationToken);
        }

        if (await artifacts.TryMarkAsync(MarkerPath(workId), cancellationToken))
        {
            Log.Parked(logger, workId, point, count);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }
}
