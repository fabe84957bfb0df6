namespace CustomerTiering.Functions.Publishing;

/// <summary>A CloudEvents 1.0 event as it leaves the app: its attributes and its JSON, sent unchanged.</summary>
public sealed record PublishedEvent(string Id, string Type, string Source, string? Subject, string Json)
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";
}
