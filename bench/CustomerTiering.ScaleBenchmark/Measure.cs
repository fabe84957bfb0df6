using System.Diagnostics;

namespace CustomerTiering.ScaleBenchmark;

internal static class Measure
{
    public static double Seconds(Action action)
    {
        var timer = Stopwatch.StartNew();
        action();
        return timer.Elapsed.TotalSeconds;
    }
}

/// <summary>Samples a process's working set (this one's unless told another) every 50 ms until stopped.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly long _baseline;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    public PeakMemory(int? processId = null)
    {
        var id = processId ?? Environment.ProcessId;
        _baseline = WorkingSet(id);
        _peak = _baseline;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, WorkingSet(id));
                await Task.Delay(50).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
    }

    public (long Peak, long Baseline) Stop()
    {
        _stop.Cancel();
        _sampler.Wait();
        return (_peak, _baseline);
    }

    public void Dispose() => _stop.Dispose();

    private static long WorkingSet(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.WorkingSet64;
    }
}
