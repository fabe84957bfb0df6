using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// A customer who entered an RFM segment or a lifecycle stage the policy watches (At Risk, Can't Lose Them, Hibernating;
/// declining, churned), as a CloudEvents 1.0 JSON event. Published beside tier changes by the same path, with the same
/// guarantees: its id is the run's, the customer's and the kind's, and its time the run's commit time.
/// </summary>
public sealed record CustomerSlippedEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] SlipChange Data)
{
    public const string SegmentEntered = "com.customertiering.segment.entered";
    public const string LifecycleChanged = "com.customertiering.lifecycle.changed";

    /// <summary>The slip events a grade raises under the policy: none, one or both.</summary>
    public static IEnumerable<CustomerSlippedEvent> Of(RunRecord run, StoredGrade grade, SlipEventPolicy watched)
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

    public string ToJson() => JsonSerializer.Serialize(this, RegradeJson.Options);

    private static CustomerSlippedEvent Create(RunRecord run, StoredGrade grade, string type, string kind, string from, string to) => new(
        "1.0", type, $"/customer-tiering/runs/{run.Id}", $"{TierChangedEvent.IdOf(run.Id, grade.CustomerId)}:{kind}",
        run.CommittedAt ?? throw new InvalidOperationException($"Run {run.Id} publishes before it is committed."),
        $"customers/{grade.CustomerId}", "application/json",
        new SlipChange(grade.CustomerId, from, to, grade.Tier, grade.Period, run.Id, grade.Reasons));
}
