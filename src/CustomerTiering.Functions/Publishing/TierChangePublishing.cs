using Azure.Messaging.ServiceBus;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Events;

namespace CustomerTiering.Functions.Publishing;

/// <summary>
/// Chooses the publisher from configuration: <c>ServiceBusConnection__fullyQualifiedNamespace</c> (with the app's managed
/// identity, <c>ServiceBusConnection__clientId</c> for a user-assigned one) or a <c>ServiceBusConnection</c> connection
/// string sends to the Service Bus topic <c>TierChangesTopic</c>; with neither, events go to the storage queue of that name.
/// </summary>
public static class TierChangePublishing
{
    public const string ConnectionName = "ServiceBusConnection";
    public const string TopicSetting = "TierChangesTopic";

    public static IServiceCollection AddTierChangePublishing(this IServiceCollection services)
    {
        services.AddSingleton<ITierChangePublisher>(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var topic = configuration[TopicSetting] is { Length: > 0 } name
                ? name
                : throw new InvalidOperationException($"'{TopicSetting}' names the topic (or, without Service Bus, the queue) tier changes go to.");
            return CreateServiceBusClient(configuration) is { } client
                ? new ServiceBusTierChangePublisher(client.CreateSender(topic))
                : new QueueTierChangePublisher(new LocalTopic(provider.GetRequiredService<StorageAccount>(), topic));
        });
        return services;
    }

    /// <summary>The Service Bus client the configuration names, or null where there is none.</summary>
    public static ServiceBusClient? CreateServiceBusClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConnectionName] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString);
        }

        var section = configuration.GetSection(ConnectionName);
        if (section["fullyQualifiedNamespace"] is not { Length: > 0 } fullyQualifiedNamespace)
        {
            return null;
        }

        return new ServiceBusClient(fullyQualifiedNamespace, ConnectionCredential.From(section));
    }
}
