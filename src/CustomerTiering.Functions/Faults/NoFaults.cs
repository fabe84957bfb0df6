namespace CustomerTiering.Functions.Faults;

/// <summary>The app as it runs everywhere but in fault tests: every fault point passes.</summary>
public sealed class NoFaults : IFaultInjection
{
    public static NoFaults Instance { get; } = new();

    public ValueTask AtAsync(FaultPoint point, string workId, long count, Func<CancellationToken, Task>? settle = null, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
