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

/// <summary>Samples this process's working set every 50 ms until stopped.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly long _baseline = Environment.WorkingSet;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    public PeakMemory()
    {
        _peak = _baseline;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var self = Process.GetCurrentProcess();
                _peak = Math.Max(_peak, self.WorkingSet64);
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
}
