namespace CustomerTiering.Functions.Retention;

/// <summary>The daily retention sweep (<see cref="RetentionSweep"/>), at an hour when no scheduled run starts.</summary>
public sealed class RetentionFunctions(RetentionSweep sweep)
{
    [Function("SweepRetention")]
    public Task SweepAsync([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.SweepAsync(cancellationToken);
}
