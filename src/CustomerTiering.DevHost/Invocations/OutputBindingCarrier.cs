using System.Text.Json;
using Azure.Storage.Queues;
using CustomerTiering.DevHost.FunctionApp;

namespace CustomerTiering.DevHost.Invocations;

/// <summary>
/// Carries a successful invocation's <c>Outputs</c> to their queues. A JSON array is many messages, as in the Functions
/// host. A <c>serviceBus</c> output lands on the storage queue named like its topic or queue, for lack of Service Bus here.
/// </summary>
public sealed class OutputBindingCarrier(FunctionAppDefinition app)
{
    public async Task CarryAsync(FunctionDefinition function, InvocationOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var binding in function.Outputs)
        {
            if (!outcome.Outputs.TryGetValue(binding.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var queue = QueueFor(binding);
            if (queue is null)
            {
                continue;
            }

            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var messages = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            foreach (var message in messages)
            {
                await queue.SendMessageAsync(MessageText(message), cancellationToken);
            }
        }
    }

    private QueueClient? QueueFor(BindingDefinition binding)
    {
        if (BindingTypes.Is(binding, BindingTypes.Queue))
        {
            return app.Settings.GetStorageAccount(binding.GetString("connection")).Queues.GetQueueClient(binding.GetString("queueName"));
        }

        if (BindingTypes.Is(binding, BindingTypes.ServiceBus))
        {
            var entity = binding.GetString("topicName") ?? binding.GetString("queueName");
            return app.Settings.GetStorageAccount(null).Queues.GetQueueClient(entity);
        }

        return null;
    }

    private static string MessageText(JsonElement message) =>
        message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText();
}
