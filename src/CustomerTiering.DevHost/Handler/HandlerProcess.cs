using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CustomerTiering.DevHost.FunctionApp;

namespace CustomerTiering.DevHost.Handler;

/// <summary>
/// Runs the custom handler as a child process the way the Functions host does: a free port in
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, the app settings as environment variables, ready once <c>GET /</c> answers,
/// restarted when it dies, stopped with the dev host.
/// </summary>
public sealed partial class HandlerProcess(FunctionAppDefinition app, DevHostOptions options, ILogger<HandlerProcess> logger) : BackgroundService
{
    private static readonly TimeSpan[] RestartDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private TaskCompletionSource<Uri> _ready = NewReadySignal();
    private Process? _current;

    /// <summary>The handler's address once it answers; waits while it starts or restarts.</summary>
    public async Task<Uri> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HandlerStartTimeout);
        try
        {
            return await Volatile.Read(ref _ready).Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HandlerUnavailableException($"The handler did not become ready within {options.HandlerStartTimeout.TotalSeconds:0} s.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var port = FreePort();
            using var process = Start(port);
            _current = process;
            Log.HandlerStarted(logger, process.Id, port);
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var exited = process.WaitForExitAsync(CancellationToken.None);
            if (await WaitForReadinessAsync(baseAddress, exited, stoppingToken))
            {
                failures = 0;
                Volatile.Read(ref _ready).TrySetResult(baseAddress);
                Log.HandlerReady(logger, port);
                await Task.WhenAny(exited, Task.Delay(Timeout.Infinite, stoppingToken));
            }

            // Waiters on a signal that never fired keep waiting for the restart; a fired one is stale now.
            if (Volatile.Read(ref _ready).Task.IsCompleted)
            {
                Volatile.Write(ref _ready, NewReadySignal());
            }
            if (stoppingToken.IsCancellationRequested)
            {
                await StopAsync(process);
                return;
            }

            if (!process.HasExited)
            {
                Log.HandlerNotReady(logger, options.HandlerStartTimeout.TotalSeconds);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            Log.HandlerExited(logger, process.ExitCode);
            await Task.Delay(RestartDelays[Math.Min(failures++, RestartDelays.Length - 1)], stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        // A shutdown that ran out of time leaves the graceful stop unfinished: never leave the handler behind.
        try
        {
            if (_current is { HasExited: false } orphan)
            {
                orphan.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }

        _probe.Dispose();
        base.Dispose();
    }

    private Process Start(int port)
    {
        var executable = Path.Combine(app.Root, app.Host.ExecutablePath);
        var start = new ProcessStartInfo
        {
            // A bare command such as "dotnet" is looked up on PATH, as the Functions host does.
            FileName = File.Exists(executable) ? executable : app.Host.ExecutablePath,
            WorkingDirectory = Path.Combine(app.Root, app.Host.WorkingDirectory),
            UseShellExecute = false,
        };
        foreach (var argument in app.Host.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in app.Settings.Values)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        // The handler watches for this process and stops if it dies without stopping the handler first.
        start.Environment["DEVHOST_PROCESS_ID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(start) ?? throw new HandlerUnavailableException($"Could not start '{start.FileName}'.");
    }

    private async Task<bool> WaitForReadinessAsync(Uri baseAddress, Task exited, CancellationToken stoppingToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!exited.IsCompleted && !stoppingToken.IsCancellationRequested
               && TimeProvider.System.GetElapsedTime(started) < options.HandlerStartTimeout)
        {
            try
            {
                using var response = await _probe.GetAsync(baseAddress, stoppingToken);
                return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }

            await Task.WhenAny(exited, Task.Delay(100, stoppingToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return false;
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        // SIGTERM lets ASP.NET Core drain in-flight requests; kill whatever is left after a grace period.
        if (!OperatingSystem.IsWindows())
        {
            _ = SendSignal(process.Id, 15);
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static TaskCompletionSource<Uri> NewReadySignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
