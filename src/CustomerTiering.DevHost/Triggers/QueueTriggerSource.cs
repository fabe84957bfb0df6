using System.Text.Json;
using Azure.Storage.Queues.Models;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Rpc;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>
/// A <c>queueTrigger</c> function's queue: the message text as the input, the message's properties as metadata, as the
/// host sends them (numbers and times as JSON: the worker takes no <c>Int</c> typed data).
/// </summary>
public sealed class QueueTriggerSource(FunctionDefinition function) : IQueueSource
{
    public string QueueName { get; } = function.Trigger.GetString("queueName") ?? throw new FunctionAppException($"{function.Name}: 'queueName' is missing.");

    public string PoisonQueueName => QueueName + "-poison";

    public string? Connection => function.Trigger.GetString("connection");

    public QueueDelivery? Deliver(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new Dictionary<string, TypedData>
        {
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["Id"] = new() { String = message.MessageId },
            ["PopReceipt"] = new() { String = message.PopReceipt },
        };
        AddTime(metadata, "InsertionTime", message.InsertedOn);
        AddTime(metadata, "ExpirationTime", message.ExpiresOn);
        AddTime(metadata, "NextVisibleTime", message.NextVisibleOn);
        return new QueueDelivery(function, new TypedData { String = message.Body.ToString() }, metadata);
    }

    private static void AddTime(Dictionary<string, TypedData> metadata, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            metadata[name] = new TypedData { Json = JsonSerializer.Serialize(value) };
        }
    }
}
