using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Domain.Policy;

/// <summary>
/// Which slips raise an event besides tier changes: a customer entering one of these RFM segments, or one of these
/// lifecycle stages, from another one last period.
/// </summary>
public sealed record SlipEventPolicy
{
    public IReadOnlyList<string> Segments { get; init; } = ["At Risk", "Can't Lose Them", "Hibernating"];

    public IReadOnlyList<LifecycleStage> Lifecycle { get; init; } = [LifecycleStage.Declining, LifecycleStage.Churned];
}
