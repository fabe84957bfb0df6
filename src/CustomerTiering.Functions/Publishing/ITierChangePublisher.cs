namespace CustomerTiering.Functions.Publishing;

/// <summary>Where tier-changed events go: the Service Bus topic in Azure, a storage queue where there is no Service Bus.</summary>
public interface ITierChangePublisher
{
    Task PublishAsync(PublishedEvent published, CancellationToken cancellationToken = default);
}
