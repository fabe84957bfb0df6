using CustomerTiering.DevHost.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class TriggerListenersTests
{
    [Fact]
    public async Task A_listener_that_fails_with_an_error_nobody_foresaw_starts_again_after_its_pause()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var keeping = TriggerListeners.KeepRunningAsync("Relay", async stopping =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InvalidOperationException("a failure that is neither storage's nor a stop");
            }

            second.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
        }, clock, NullLogger.Instance, stop.Token);

        // The pause is on the fake clock: move it on until the listener has started again.
        for (var step = 0; step < 200 && !second.Task.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(second.Task, Task.Delay(10)); // a poll, as Eventually polls
        }

        Assert.True(second.Task.IsCompleted, "the listener did not start again");
        Assert.Equal(2, runs);
        await stop.CancelAsync();
        await keeping.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
