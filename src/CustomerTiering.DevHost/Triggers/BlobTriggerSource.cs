using System.Text.Json;
using Azure.Storage.Queues.Models;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Rpc;
using Google.Protobuf;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>
/// The blob triggers' shared queue, as the blobs extension keeps one (<c>azure-webjobs-blobtrigger-{hostId}</c>, poison
/// <c>webjobs-blobtrigger-poison</c>): Event Grid's BlobCreated lands here as a <see cref="BlobTriggerMessage"/>, and
/// each delivery invokes its function with the blob as SDK-type model-binding data (the worker opens a
/// <c>BlobClient</c>; the content never travels in the invocation).
/// </summary>
public sealed class BlobTriggerSource(FunctionAppDefinition app, string hostId) : IQueueSource
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    public string QueueName { get; } = QueueOf(hostId);

    public string PoisonQueueName => PoisonQueue;

    public string? Connection => null;

    public static string QueueOf(string hostId) => $"azure-webjobs-blobtrigger-{hostId}".ToLowerInvariant();

    public QueueDelivery? Deliver(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        BlobTriggerMessage? blob;
        try
        {
            blob = JsonSerializer.Deserialize<BlobTriggerMessage>(message.Body);
        }
        catch (JsonException)
        {
            return null;
        }

        var function = app.Functions.FirstOrDefault(f => f.Name == blob?.FunctionId && BindingTypes.Is(f.Trigger, BindingTypes.BlobTrigger));
        if (blob is null || function is null)
        {
            return null;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(new
        {
            Connection = function.Trigger.GetString("connection") ?? "AzureWebJobsStorage",
            blob.ContainerName,
            blob.BlobName,
        });
        var input = new TypedData
        {
            ModelBindingData = new ModelBindingData
            {
                Version = "1.0", Source = "AzureStorageBlobs", ContentType = "application/json", Content = ByteString.CopyFrom(content),
            },
        };
        var metadata = new Dictionary<string, TypedData>
        {
            ["BlobTrigger"] = new() { String = $"{blob.ContainerName}/{blob.BlobName}" },
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        // The path's parameter ("exports/{name}") is binding data, as in the host.
        if (function.Trigger.GetString("path") is { } path && path.IndexOf('{', StringComparison.Ordinal) is var brace and > 0
            && path[(brace + 1)..].TrimEnd('}') is { Length: > 0 } parameter)
        {
            metadata[parameter] = new TypedData { String = blob.BlobName };
        }

        return new QueueDelivery(function, input, metadata);
    }
}
