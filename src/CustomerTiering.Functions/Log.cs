namespace CustomerTiering.Functions;

/// <summary>Every log line the handler writes, source-generated. Ids only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not create the app's storage containers, queues and tables")]
    public static partial void ProvisioningFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected invocation of {FunctionName}: {Reason}")]
    public static partial void InvocationRejected(ILogger logger, string functionName, string reason);
}
