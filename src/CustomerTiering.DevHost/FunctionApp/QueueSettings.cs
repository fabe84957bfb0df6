namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>
/// host.json <c>extensions.queues</c>, with the Functions host's defaults. The host fetches the next batch once no more
/// than <see cref="NewBatchThreshold"/> messages are still running, so up to <see cref="BatchSize"/> plus that many run at
/// once; unset, the threshold is half a batch per core.
/// </summary>
public sealed record QueueSettings(
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int MaxDequeueCount,
    bool Base64Encoding,
    int NewBatchThreshold)
{
    private const int DefaultBatchSize = 16;

    public static QueueSettings Defaults { get; } =
        new(TimeSpan.FromMinutes(1), TimeSpan.Zero, DefaultBatchSize, 5, Base64Encoding: true, DefaultNewBatchThreshold(DefaultBatchSize));

    public static int DefaultNewBatchThreshold(int batchSize) => batchSize / 2 * Environment.ProcessorCount;
}
