namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>The binding types the dev host carries out. Anything else in a function.json stops it at start-up.</summary>
public static class BindingTypes
{
    public const string HttpTrigger = "httpTrigger";
    public const string Http = "http";
    public const string TimerTrigger = "timerTrigger";
    public const string QueueTrigger = "queueTrigger";
    public const string Queue = "queue";

    /// <summary>Service Bus output: in Azure the extension bundle sends to the topic; locally it lands on a queue of the same name.</summary>
    public const string ServiceBus = "serviceBus";

    public static IReadOnlySet<string> Supported { get; } =
        new HashSet<string>([HttpTrigger, Http, TimerTrigger, QueueTrigger, Queue, ServiceBus], StringComparer.OrdinalIgnoreCase);

    public static bool Is(BindingDefinition binding, string type) =>
        string.Equals(binding?.Type, type, StringComparison.OrdinalIgnoreCase);
}
