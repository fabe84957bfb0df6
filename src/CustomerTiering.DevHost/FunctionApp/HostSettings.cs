namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>What the dev host needs of host.json.</summary>
public sealed record HostSettings(
    string ExecutablePath,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    bool EnableForwardingHttpRequest,
    string RoutePrefix,
    TimeSpan FunctionTimeout,
    QueueSettings Queues);
