namespace CustomerTiering.Functions.Faults;

/// <summary>
/// Where tests make faults happen in the app's own code: one call at each <see cref="FaultPoint"/>. The app runs with
/// <see cref="NoFaults"/> unless a test configures otherwise (<see cref="FaultInjection"/>).
/// </summary>
public interface IFaultInjection
{
    /// <summary>
    /// Reached <paramref name="point"/> for the <paramref name="count"/>th time in the work of <paramref name="workId"/> (a
    /// run or an ingestion). <paramref name="settle"/> is what that work would finish before it dies, so that a fault
    /// meets it half done rather than with everything still in memory.
    /// </summary>
    ValueTask AtAsync(FaultPoint point, string workId, long count, Func<CancellationToken, Task>? settle = null, CancellationToken cancellationToken = default);
}
