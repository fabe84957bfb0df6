using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// A customer who entered an RFM segment or a lifecycle stage the policy watches (At Risk, Can't Lose Them, Hibernating;
/// declining, churned), as a run's CloudEvent beside tier changes, by the same path and with the same guarantees: id
/// <c>{runId}:{customerId}:segment</c> or <c>:lifecycle</c>.
/// </summary>
public static class CustomerSlippedEvent
{
    public const string SegmentEntered = "com.customertiering.segment.entered";
    public const string LifecycleChanged = "com.customertiering.lifecycle.changed";

    /// <summary>The slip events a grade raises under the policy: none, one or both.</summary>
    public static IEnumerable<CloudEvent<SlipChange>> Of(RunRecord run, StoredGrade grade, SlipEventPolicy watched)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(watched);
        // Entering means last period knew the customer in another segment or stage: a first period raises nothing.
        if (grade.PreviousSegment is { } segmentBefore && segmentBefore != grade.Segment && watched.Segments.Contains(grade.Segment, StringComparer.Ordinal))
        {
            yield return Create(run, grade, SegmentEntered, "segment", segmentBefore, grade.Segment);
        }

        if (grade.PreviousLifecycle is { } stageBefore && stageBefore != grade.Lifecycle
            && Enum.TryParse<LifecycleStage>(grade.Lifecycle, out var stage) && watched.Lifecycle.Contains(stage))
        {
            yield return Create(run, grade, LifecycleChanged, "lifecycle", stageBefore, grade.Lifecycle);
        }
    }

    private static CloudEvent<SlipChange> Create(RunRecord run, StoredGrade grade, string type, string kind, string from, string to) =>
        CloudEvent.About(run, type, $"{TierChangedEvent.IdOf(run.Id, grade.CustomerId)}:{kind}", grade.CustomerId,
            new SlipChange(grade.CustomerId, from, to, grade.Tier, grade.Period, run.Id, grade.Reasons));
}
