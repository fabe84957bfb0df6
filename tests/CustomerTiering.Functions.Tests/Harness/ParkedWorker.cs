using System.Diagnostics;
using System.Globalization;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Kills the worker at a chosen moment of each run: the app parks the work there (<see cref="ParkingFaults"/>) and this
/// watcher kills the process, as a crash would; the dev host starts a new worker and the queue retries the work.
/// </summary>
internal sealed class ParkedWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _killed = new(StringComparer.Ordinal);
    private readonly Task _watching;

    private ParkedWorker(RunningApp app, StorageAccount account) => _watching = WatchAsync(app, account, _stop.Token);

    /// <summary>The runs whose worker was killed where they parked.</summary>
    public IReadOnlyCollection<string> Killed
    {
        get
        {
            lock (_killed)
            {
                return [.. _killed];
            }
        }
    }

    /// <summary>The worker's settings that park each run once, the <paramref name="after"/>th time it reaches <paramref name="point"/>.</summary>
    public static Dictionary<string, string> Settings(FaultPoint point, long after) => new()
    {
        ["Faults__ParkAt"] = point.ToString(),
        ["Faults__After"] = after.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Kills the app's worker each time a run parks, until disposed.</summary>
    public static ParkedWorker Watch(RunningApp app, StorageAccount account) => new(app, account);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(RunningApp app, StorageAccount account, CancellationToken stop)
    {
        var runs = account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer);
        var suffix = ParkingFaults.MarkerPath("");
        while (!stop.IsCancellationRequested)
        {
            await foreach (var blob in runs.GetBlobsAsync(cancellationToken: stop))
            {
                var workId = blob.Name.EndsWith(suffix, StringComparison.Ordinal) ? blob.Name[..^suffix.Length] : null;
                bool isNew;
                lock (_killed)
                {
                    isNew = workId is not null && _killed.Add(workId);
                }

                if (isNew && app.WorkerProcessId is { } worker)
                {
                    using var process = Process.GetProcessById(worker);
                    process.Kill();
                }
            }

            await Task.Delay(100, stop);
        }
    }
}
