namespace CustomerTiering.DevHost;

/// <summary>Every log line the dev host writes, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Started the handler (pid {ProcessId}) on port {Port}")]
    public static partial void HandlerStarted(ILogger logger, int processId, int port);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The handler answers on port {Port}")]
    public static partial void HandlerReady(ILogger logger, int port);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The handler did not answer GET / within {Seconds} s; restarting it")]
    public static partial void HandlerNotReady(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The handler exited with code {ExitCode}; restarting it")]
    public static partial void HandlerExited(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' ({Outcome}, Id={InvocationId}, Duration={Duration}) {Error}")]
    public static partial void Invocation(ILogger logger, string functionName, string invocationId, string outcome, TimeSpan duration, string error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "[{FunctionName}] {Line}")]
    public static partial void HandlerLog(ILogger logger, string functionName, string line);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Moved message {MessageId} of queue {Queue} to {PoisonQueue} after {DequeueCount} tries")]
    public static partial void MovedToPoison(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Polling queue {Queue} failed")]
    public static partial void QueuePollFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Timer {FunctionName} fires (past due: {IsPastDue}); next at {Next:O}")]
    public static partial void TimerFiring(ILogger logger, string functionName, bool isPastDue, DateTimeOffset next);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Timer {FunctionName} failed to run")]
    public static partial void TimerFailed(ILogger logger, string functionName, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "BlobCreated for {BlobName} ({ETag}) sent to {Queue}")]
    public static partial void BlobCreatedSent(ILogger logger, string blobName, string eTag, string queue);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Watching container {Container} for new blobs failed")]
    public static partial void BlobWatchFailed(ILogger logger, string container, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "{Method} {Path} -> Functions.{FunctionName} {StatusCode} ({Duration})")]
    public static partial void HttpInvocation(ILogger logger, string method, string path, string functionName, int statusCode, TimeSpan duration);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Functions: {Functions}. Listening on {Url}")]
    public static partial void Listening(ILogger logger, string functions, string url);
}
