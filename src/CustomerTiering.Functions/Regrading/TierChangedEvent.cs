using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// A tier change as a CloudEvents 1.0 JSON event. Its id is the run's and the customer's, and its time the run's commit
/// time, so the event published again by a retry is the same event, byte for byte, and consumers can drop it by id.
/// </summary>
public sealed record TierChangedEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] TierChange Data)
{
    public const string EventType = "com.customertiering.tier.changed";

    public static TierChangedEvent From(RunRecord run, StoredGrade grade)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(grade);
        return new TierChangedEvent("1.0", EventType, $"/customer-tiering/runs/{run.Id}", IdOf(run.Id, grade.CustomerId),
            run.CommittedAt ?? throw new InvalidOperationException($"Run {run.Id} publishes before it is committed."),
            $"customers/{grade.CustomerId}", "application/json",
            new TierChange(grade.CustomerId, grade.PreviousTier, grade.Tier, grade.Movement, grade.Period, run.Id, grade.Reasons));
    }

    public static string IdOf(string runId, string customerId) => $"{runId}:{customerId}";

    public string ToJson() => JsonSerializer.Serialize(this, RegradeJson.Options);
}
