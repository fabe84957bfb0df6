namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>The binding types the dev host carries out. Anything else in functions.metadata stops it at start-up.</summary>
public static class BindingTypes
{
    public const string HttpTrigger = "httpTrigger";
    public const string Http = "http";
    public const string TimerTrigger = "timerTrigger";
    public const string QueueTrigger = "queueTrigger";

    /// <summary>Blob triggers with the Event Grid source: the dev host raises the events (see <c>ExportBlobEventSource</c>).</summary>
    public const string BlobTrigger = "blobTrigger";

    public static IReadOnlySet<string> Supported { get; } =
        new HashSet<string>([HttpTrigger, Http, TimerTrigger, QueueTrigger, BlobTrigger], StringComparer.OrdinalIgnoreCase);

    public static bool Is(BindingDefinition binding, string type) =>
        string.Equals(binding?.Type, type, StringComparison.OrdinalIgnoreCase);
}
