namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults.</summary>
public sealed record QueueSettings(
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int MaxDequeueCount,
    bool Base64Encoding)
{
    public static QueueSettings Defaults { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 5, Base64Encoding: true);
}
