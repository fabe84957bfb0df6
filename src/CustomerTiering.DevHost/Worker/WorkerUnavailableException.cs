namespace CustomerTiering.DevHost.Worker;

/// <summary>The worker is not running, not connected, or went away mid-invocation; the invocation fails and is retried like any other failure.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);
