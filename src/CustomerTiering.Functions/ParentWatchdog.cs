using System.Diagnostics;

namespace CustomerTiering.Functions;

/// <summary>
/// Stops the worker when the host that started it is gone. The dev host names itself in
/// <see cref="ParentVariable"/>; killed without a chance to terminate its worker (a test run cut short, a terminal
/// closed), it would otherwise leave the worker running on its own. In Azure the variable is not set and this
/// does nothing: the platform ends the worker with its host.
/// </summary>
public sealed class ParentWatchdog(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ParentWatchdog> logger) : BackgroundService
{
    public const string ParentVariable = "DEVHOST_PROCESS_ID";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration[ParentVariable], out var parentId))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!IsRunning(parentId))
            {
                Log.ParentGone(logger, parentId);
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
