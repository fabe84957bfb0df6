using System.Collections.Concurrent;
using System.Threading.Channels;
using CustomerTiering.DevHost.Rpc;

namespace CustomerTiering.DevHost.Worker;

/// <summary>
/// One worker's event stream, host side: requests out, their responses matched back by request id, the worker's logs to
/// the console. Everything pending fails with <see cref="WorkerUnavailableException"/> when the stream or the worker ends.
/// </summary>
public sealed class WorkerChannel(string workerId, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkerId { get; } = workerId;

    /// <summary>The worker's own HTTP endpoint (the ASP.NET Core integration's <c>HttpUri</c> capability), once initialised.</summary>
    public Uri? HttpUri { get; private set; }

    /// <summary>Function ids by name, as the worker reported them and loaded them.</summary>
    public IReadOnlyDictionary<string, string> FunctionIds { get; private set; } = new Dictionary<string, string>();

    public ChannelReader<StreamingMessage> Outgoing => _outgoing.Reader;

    public Task Connected => _connected.Task;

    public Task Closed => _closed.Task;

    public void MarkConnected() => _connected.TrySetResult();

    /// <summary>Sends a request and waits for the message that answers it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.RequestId] = answer;
        try
        {
            if (_closed.Task.IsCompleted || !_outgoing.Writer.TryWrite(request))
            {
                throw new WorkerUnavailableException($"Worker {WorkerId} has gone.");
            }

            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message that has no answer (termination, cancellation).</summary>
    public void Send(StreamingMessage message) => _outgoing.Writer.TryWrite(message);

    /// <summary>A message from the worker: a log line, or the answer to a pending request.</summary>
    public void Receive(StreamingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            WriteLog(message.RpcLog);
        }
        else if (_pending.TryGetValue(message.RequestId, out var answer))
        {
            answer.TrySetResult(message);
        }
    }

    /// <summary>Init, metadata, load: the handshake the Functions host makes before the first invocation.</summary>
    public async Task InitializeAsync(string appRoot, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = "4.0.0-devhost", WorkerDirectory = appRoot, FunctionAppDirectory = appRoot };
        var initAnswer = (await RequestAsync(new StreamingMessage { WorkerInitRequest = init }, cancellationToken)).WorkerInitResponse;
        Check(initAnswer?.Result, "worker init");
        HttpUri = initAnswer!.Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;

        var metadata = (await RequestAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appRoot } }, cancellationToken))
            .FunctionMetadataResponse;
        Check(metadata?.Result, "function metadata");
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in metadata!.FunctionMetadataResults)
        {
            var id = string.IsNullOrEmpty(function.FunctionId) ? Guid.NewGuid().ToString() : function.FunctionId;
            var loaded = (await RequestAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = id, Metadata = function } }, cancellationToken))
                .FunctionLoadResponse;
            Check(loaded?.Result, $"loading {function.Name}");
            ids[function.Name] = id;
        }

        FunctionIds = ids;
    }

    /// <summary>The stream ended or the worker exited: fail whatever waits for an answer.</summary>
    public void Close()
    {
        _outgoing.Writer.TryComplete();
        _closed.TrySetResult();
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new WorkerUnavailableException($"Worker {WorkerId} went away before it answered."));
        }
    }

    private static void Check(StatusResult? result, string step)
    {
        if (result is not { Status: StatusResult.Types.Status.Success })
        {
            throw new WorkerUnavailableException($"The worker failed {step}: {result?.Exception?.Message ?? "no result"}");
        }
    }

    private void WriteLog(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var text = log.Exception is { } exception ? $"{log.Message}{Environment.NewLine}{exception.Message}" : log.Message;
        Log.WorkerLog(logger, level, log.Category, text);
    }
}
