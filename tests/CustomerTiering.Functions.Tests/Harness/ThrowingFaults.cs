using CustomerTiering.Functions.Faults;

namespace CustomerTiering.Functions.Tests;

/// <summary>An in-process fault: at <paramref name="point"/>, when the count there satisfies <paramref name="when"/>, throws <paramref name="exception"/>.</summary>
internal sealed class ThrowingFaults(FaultPoint point, Func<long, bool> when, Exception exception) : IFaultInjection
{
    public ValueTask AtAsync(FaultPoint at, string workId, long count, Func<CancellationToken, Task>? settle = null, CancellationToken cancellationToken = default) =>
        at == point && when(count) ? throw exception : ValueTask.CompletedTask;
}
