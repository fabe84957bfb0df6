using Azure.Storage.Queues.Models;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Rpc;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>What one queue message invokes: the function, its trigger input and its trigger metadata.</summary>
public sealed record QueueDelivery(FunctionDefinition Function, TypedData Input, IDictionary<string, TypedData> Metadata);

/// <summary>A queue the dev host polls, and how a message of it becomes an invocation.</summary>
public interface IQueueSource
{
    string QueueName { get; }

    string PoisonQueueName { get; }

    /// <summary>The setting naming the queue's storage account (null: AzureWebJobsStorage).</summary>
    string? Connection { get; }

    /// <summary>The invocation for <paramref name="message"/>, or null for a message that can never succeed (it goes to poison).</summary>
    QueueDelivery? Deliver(QueueMessage message);
}
