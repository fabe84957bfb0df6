using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>Runs a listener for every timer and queue function of the app, and one for the blob triggers' queue, each in its own loop.</summary>
public sealed class TriggerListeners(
    FunctionAppDefinition app,
    InvocationClient invocations,
    DevHostOptions options,
    TimeProvider clock,
    [FromKeyedServices(TriggerListeners.TimerClock)] TimeProvider timerClock,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The service key of the clock timer triggers keep (see <see cref="DevHostApplication.Create"/>).</summary>
    public const string TimerClock = "timers";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hostId = app.Settings.HostId;
        var statusStore = new ScheduleStatusStore(app.Settings.GetStorageAccount(null).Blobs, hostId);
        var loops = new List<Task>();
        foreach (var function in app.Functions)
        {
            var logger = loggers.CreateLogger($"Function.{function.Name}");
            if (BindingTypes.Is(function.Trigger, BindingTypes.TimerTrigger))
            {
                var timer = new TimerTriggerListener(function, app, invocations, statusStore, timerClock, logger);
                loops.Add(KeepRunningAsync(function.Name, timer.RunAsync, clock, logger, stoppingToken));
            }
            else if (BindingTypes.Is(function.Trigger, BindingTypes.QueueTrigger))
            {
                var queue = new QueueTriggerListener(new QueueTriggerSource(function), app, invocations, options.QueueMessageLease, clock, logger);
                loops.Add(KeepRunningAsync(function.Name, queue.RunAsync, clock, logger, stoppingToken));
            }
        }

        if (app.Functions.Any(f => BindingTypes.Is(f.Trigger, BindingTypes.BlobTrigger)))
        {
            var logger = loggers.CreateLogger("Host.BlobTriggers");
            var blobs = new QueueTriggerListener(new BlobTriggerSource(app, hostId), app, invocations, options.QueueMessageLease, clock, logger);
            loops.Add(KeepRunningAsync("blob triggers", blobs.RunAsync, clock, logger, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    /// <summary>
    /// Runs one listener until the host stops. A listener that fails starts again after a pause, whatever failed:
    /// storage away, or an error no one foresaw (a storage client's timeouts once were one). The Functions host keeps its
    /// listeners the same way; a listener that ended for good would leave its queue unserved without a word.
    /// </summary>
    internal static async Task KeepRunningAsync(
        string functionName, Func<CancellationToken, Task> run, TimeProvider clock, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ListenerFailed(logger, functionName, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
