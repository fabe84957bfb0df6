using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// A CloudEvents 1.0 JSON event a run publishes about one customer. Its id derives from the run and the customer and its
/// time is the run's commit time, so an event published again by a retry is the same event, byte for byte, and
/// consumers (and the relay) can drop it by id.
/// </summary>
public sealed record CloudEvent<TData>(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] TData Data)
{
    public string ToJson() => JsonSerializer.Serialize(this, RegradeJson.Options);
}

/// <summary>Makes a run's events: the envelope every one of them shares.</summary>
public static class CloudEvent
{
    public static CloudEvent<TData> About<TData>(RunRecord run, string type, string id, string customerId, TData data)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new CloudEvent<TData>("1.0", type, $"/customer-tiering/runs/{run.Id}", id,
            run.CommittedAt ?? throw new InvalidOperationException($"Run {run.Id} publishes before it is committed."),
            $"customers/{customerId}", "application/json", data);
    }
}
