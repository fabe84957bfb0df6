using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>Runs a listener for every timer and queue function of the app, and one for the blob triggers' queue, each in its own loop.</summary>
public sealed class TriggerListeners(
    FunctionAppDefinition app,
    InvocationClient invocations,
    DevHostOptions options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
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
                var timer = new TimerTriggerListener(function, app, invocations, statusStore, clock, logger);
                loops.Add(Guard(function.Name, timer.RunAsync, logger, stoppingToken));
            }
            else if (BindingTypes.Is(function.Trigger, BindingTypes.QueueTrigger))
            {
                var queue = new QueueTriggerListener(new QueueTriggerSource(function), app, invocations, options.QueueMessageLease, clock, logger);
                loops.Add(Guard(function.Name, queue.RunAsync, logger, stoppingToken));
            }
        }

        if (app.Functions.Any(f => BindingTypes.Is(f.Trigger, BindingTypes.BlobTrigger)))
        {
            var logger = loggers.CreateLogger("Host.BlobTriggers");
            var blobs = new QueueTriggerListener(new BlobTriggerSource(app, hostId), app, invocations, options.QueueMessageLease, clock, logger);
            loops.Add(Guard("blob triggers", blobs.RunAsync, logger, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    // One listener failing (storage down) must not stop the others, nor the host: it starts again after a pause.
    private async Task Guard(string functionName, Func<CancellationToken, Task> run, ILogger logger, CancellationToken stoppingToken)
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
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                Log.ListenerFailed(logger, functionName, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
