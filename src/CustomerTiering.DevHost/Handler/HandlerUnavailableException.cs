namespace CustomerTiering.DevHost.Handler;

/// <summary>The handler is not running or not answering; the invocation fails and is retried like any other failure.</summary>
public sealed class HandlerUnavailableException(string message) : Exception(message);
