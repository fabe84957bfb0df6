using Azure.Messaging.ServiceBus;

namespace CustomerTiering.Functions.Publishing;

/// <summary>
/// Sends each event to the topic as a structured CloudEvent. The message id is the event id, so the topic's duplicate
/// detection drops a copy sent again by a retry; the CloudEvents attributes are also application properties, for
/// subscription filters.
/// </summary>
public sealed class ServiceBusTierChangePublisher(ServiceBusSender sender) : ITierChangePublisher
{
    public Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        var message = new ServiceBusMessage(BinaryData.FromString(published.Json))
        {
            MessageId = published.Id,
            ContentType = PublishedEvent.ContentType,
            Subject = published.Type,
        };
        message.ApplicationProperties["cloudEvents:specversion"] = "1.0";
        message.ApplicationProperties["cloudEvents:id"] = published.Id;
        message.ApplicationProperties["cloudEvents:type"] = published.Type;
        message.ApplicationProperties["cloudEvents:source"] = published.Source;
        if (published.Subject is { } subject)
        {
            message.ApplicationProperties["cloudEvents:subject"] = subject;
        }

        return sender.SendMessageAsync(message, cancellationToken);
    }
}
