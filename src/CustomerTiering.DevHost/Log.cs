namespace CustomerTiering.DevHost;

/// <summary>Every log line the dev host writes, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Started the worker (pid {ProcessId}, worker id {WorkerId})")]
    public static partial void WorkerStarted(ILogger logger, int processId, string workerId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The worker (pid {ProcessId}) loaded {Functions} functions; its HTTP endpoint is {HttpUri}")]
    public static partial void WorkerReady(ILogger logger, int processId, int functions, string httpUri);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The worker was not ready within {Seconds} s; restarting it")]
    public static partial void WorkerNotReady(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The worker exited with code {ExitCode}; restarting it")]
    public static partial void WorkerExited(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "The worker failed to start: {Reason}")]
    public static partial void WorkerFailedToStart(ILogger logger, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "Worker {WorkerId} connected")]
    public static partial void WorkerConnected(ILogger logger, string workerId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' ({Outcome}, Id={InvocationId}, Duration={Duration}) {Error}")]
    public static partial void Invocation(ILogger logger, string functionName, string invocationId, string outcome, TimeSpan duration, string error);

    [LoggerMessage(EventId = 6, Message = "[{Category}] {Line}")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string line);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Moved message {MessageId} of queue {Queue} to {PoisonQueue} after {DequeueCount} tries")]
    public static partial void MovedToPoison(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Polling queue {Queue} failed")]
    public static partial void QueuePollFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Could not renew the lease of message {MessageId} of queue {Queue}; the function goes on")]
    public static partial void LeaseRenewalFailed(ILogger logger, string messageId, string queue, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Timer {FunctionName} fires (past due: {IsPastDue}); next at {Next:O}")]
    public static partial void TimerFiring(ILogger logger, string functionName, bool isPastDue, DateTimeOffset next);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "The listener of {FunctionName} failed; it starts again in 2 s")]
    public static partial void ListenerFailed(ILogger logger, string functionName, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "BlobCreated for {BlobName} ({ETag}) queued for {FunctionName}")]
    public static partial void BlobCreatedSent(ILogger logger, string blobName, string eTag, string functionName);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Watching for new blobs of {Functions} failed")]
    public static partial void BlobWatchFailed(ILogger logger, string functions, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "{Method} {Path} -> Functions.{FunctionName} {StatusCode} ({Duration})")]
    public static partial void HttpInvocation(ILogger logger, string method, string path, string functionName, int statusCode, TimeSpan duration);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Functions: {Functions}. Listening on {Url}")]
    public static partial void Listening(ILogger logger, string functions, string url);
}
