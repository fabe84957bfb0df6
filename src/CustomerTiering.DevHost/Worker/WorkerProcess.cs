using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.DevHost.Rpc;
using Google.Protobuf.WellKnownTypes;

namespace CustomerTiering.DevHost.Worker;

/// <summary>
/// Runs the isolated worker as the Functions host does: the command of <c>worker.config.json</c> with the host's
/// command-line arguments (gRPC endpoint, worker id, request id, maximum message length), the app settings as
/// environment variables; ready once it has connected, initialised and loaded every function; restarted when it dies;
/// asked to terminate (then killed) when the dev host stops.
/// </summary>
public sealed partial class WorkerProcess(
    FunctionAppDefinition app, DevHostOptions options, GrpcEndpoint grpc, DevTokenIssuer issuer, IHostApplicationLifetime lifetime, ILoggerFactory loggers) : BackgroundService
{
    private const int MaxMessageLength = int.MaxValue;
    private static readonly TimeSpan[] RestartDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggers.CreateLogger<WorkerProcess>();
    // The channel of the worker started last: its StartStream names this worker id.
    private WorkerChannel? _channel;
    private TaskCompletionSource<WorkerChannel> _ready = NewReadySignal();
    private Process? _current;

    /// <summary>The worker process's id while one runs (benchmarks read its working set, tests kill it).</summary>
    public int? ProcessId
    {
        get
        {
            try
            {
                return Volatile.Read(ref _current) is { HasExited: false } process ? process.Id : null;
            }
            catch (InvalidOperationException)
            {
                return null; // disposed by the supervisor as it read it: between two workers, none runs
            }
        }
    }

    /// <summary>The running worker's channel; waits while it starts or restarts.</summary>
    public async Task<WorkerChannel> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WorkerStartTimeout);
        try
        {
            return await Volatile.Read(ref _ready).Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkerUnavailableException($"The worker did not become ready within {options.WorkerStartTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Called by the gRPC service when a worker opens its event stream with <c>StartStream</c>.</summary>
    public WorkerChannel? Attach(string workerId)
    {
        var channel = Volatile.Read(ref _channel);
        if (channel?.WorkerId != workerId)
        {
            return null;
        }

        channel.MarkConnected();
        return channel;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping starts when the application does, before the server drains: the worker's event stream is an open
        // request the server would otherwise wait out.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        await SuperviseAsync(stopping.Token);
    }

    private async Task SuperviseAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var endpoint = await grpc.Address.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var workerId = Guid.NewGuid().ToString();
            var channel = new WorkerChannel(workerId, loggers.CreateLogger("Worker"));
            Volatile.Write(ref _channel, channel);
            using var process = Start(endpoint, workerId);
            Volatile.Write(ref _current, process);
            Log.WorkerStarted(_logger, process.Id, workerId);
            var exited = process.WaitForExitAsync(CancellationToken.None);
            try
            {
                if (await InitializeAsync(channel, exited, stoppingToken))
                {
                    failures = 0;
                    Volatile.Read(ref _ready).TrySetResult(channel);
                    var httpUri = channel.HttpUri?.ToString() ?? "none";
                    Log.WorkerReady(_logger, process.Id, channel.FunctionIds.Count, httpUri);
                    await Task.WhenAny(exited, channel.Closed, Task.Delay(Timeout.Infinite, stoppingToken));
                }
            }
            finally
            {
                Volatile.Write(ref _channel, null);
            }

            // Waiters on a signal that never fired keep waiting for the restart; a fired one is stale now.
            if (Volatile.Read(ref _ready).Task.IsCompleted)
            {
                Volatile.Write(ref _ready, NewReadySignal());
            }

            if (stoppingToken.IsCancellationRequested)
            {
                await StopAsync(process, channel);
                return;
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            channel.Close();
            // Gone before the restart's pause: the process object is disposed when this turn of the loop ends.
            Volatile.Write(ref _current, null);
            Log.WorkerExited(_logger, process.ExitCode);
            await Task.Delay(RestartDelays[Math.Min(failures++, RestartDelays.Length - 1)], stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        // A shutdown that ran out of time leaves the graceful stop unfinished: never leave the worker behind.
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

        base.Dispose();
    }

    private async Task<bool> InitializeAsync(WorkerChannel channel, Task exited, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.WorkerStartTimeout);
        try
        {
            await Task.WhenAny(channel.Connected, exited).WaitAsync(timeout.Token);
            if (!channel.Connected.IsCompleted)
            {
                return false;
            }

            await channel.InitializeAsync(app.Root, timeout.Token).WaitAsync(timeout.Token);
            if (channel.HttpUri is { } httpUri)
            {
                // The worker reports its HTTP endpoint before its server listens there: ready means both answer.
                await WaitForListenerAsync(httpUri, exited, timeout.Token);
            }

            return !exited.IsCompleted;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            Log.WorkerNotReady(_logger, options.WorkerStartTimeout.TotalSeconds);
            return false;
        }
        catch (WorkerUnavailableException ex)
        {
            Log.WorkerFailedToStart(_logger, ex.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitForListenerAsync(Uri uri, Task exited, CancellationToken cancellationToken)
    {
        while (!exited.IsCompleted)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private Process Start(Uri endpoint, string workerId)
    {
        var worker = app.Worker;
        var start = new ProcessStartInfo
        {
            // A bare command such as "dotnet" is looked up on PATH, as the Functions host does.
            FileName = worker.ExecutablePath,
            WorkingDirectory = app.Root,
            UseShellExecute = false,
        };
        foreach (var argument in worker.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (worker.WorkerPath is { Length: > 0 } workerPath)
        {
            start.ArgumentList.Add(Path.Combine(app.Root, workerPath));
        }

        var requestId = Guid.NewGuid().ToString();
        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        // Both spellings, as the Functions host passes them: older workers read the first, current ones the second.
        string[] arguments =
        [
            "--host", endpoint.Host, "--port", endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", endpoint.ToString(), "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxLength,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (app.Settings[AppSettings.TokenAuthority] is null)
        {
            // Tokens from the dev host's own issuer, unless the settings name a real one (a developer's Entra tenant).
            start.Environment[AppSettings.TokenAuthority] = issuer.Issuer.ToString();
            start.Environment["Authentication__Audience"] = DevTokenIssuer.Audience;
            start.Environment["Authentication__RequireHttpsMetadata"] = "false";
        }

        foreach (var (name, value) in app.Settings.Values)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Root;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Root;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        // The worker watches for this process and stops if it dies without terminating the worker first.
        start.Environment["DEVHOST_PROCESS_ID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return Process.Start(start) ?? throw new WorkerUnavailableException($"Could not start '{start.FileName}'.");
    }

    private static async Task StopAsync(Process process, WorkerChannel channel)
    {
        if (process.HasExited)
        {
            channel.Close();
            return;
        }

        // WorkerTerminate lets the worker stop its host and drain; SIGTERM for one that cannot hear it; then kill.
        channel.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TerminateGrace) } });
        using var grace = new CancellationTokenSource(TerminateGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            if (!OperatingSystem.IsWindows())
            {
                _ = SendSignal(process.Id, 15);
            }

            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await process.WaitForExitAsync(last.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        channel.Close();
    }

    private static TaskCompletionSource<WorkerChannel> NewReadySignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
