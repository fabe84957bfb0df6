using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using CustomerTiering.Functions.Publishing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// What the Service Bus publisher hands the SDK, through the SDK's own seam (a sender whose virtual send is overridden).
/// Only a real namespace shows delivery, duplicate detection by message id and the identity's send right.
/// </summary>
public sealed class ServiceBusPublisherTests
{
    [Fact]
    public async Task An_event_goes_out_as_a_structured_cloud_event_whose_message_id_is_the_event_id()
    {
        var sender = new CapturingSender();
        var published = new PublishedEvent("2026-10-scheduled:C1", "com.customertiering.tier.changed", "/customer-tiering/runs/2026-10-scheduled", "customers/C1", """{"id":"2026-10-scheduled:C1"}""");

        await new ServiceBusTierChangePublisher(sender).PublishAsync(published);

        var message = Assert.Single(sender.Sent);
        Assert.Equal(("2026-10-scheduled:C1", PublishedEvent.ContentType, published.Json), (message.MessageId, message.ContentType, message.Body.ToString()));
        Assert.Equal("com.customertiering.tier.changed", message.ApplicationProperties["cloudEvents:type"]);
        Assert.Equal("/customer-tiering/runs/2026-10-scheduled", message.ApplicationProperties["cloudEvents:source"]);
        Assert.Equal("customers/C1", message.ApplicationProperties["cloudEvents:subject"]);
    }

    [Fact]
    public void Without_a_namespace_or_connection_string_there_is_no_service_bus_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TierChangesTopic"] = "t" }).Build();
        var withNamespace = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "tiering.servicebus.windows.net",
        }).Build();

        Assert.Null(TierChangePublishing.CreateServiceBusClient(configuration));
        Assert.Equal("tiering.servicebus.windows.net", TierChangePublishing.CreateServiceBusClient(withNamespace)!.FullyQualifiedNamespace);
    }

    private sealed class CapturingSender : ServiceBusSender
    {
        public List<ServiceBusMessage> Sent { get; } = [];

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
