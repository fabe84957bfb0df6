using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace CustomerTiering.Storage;

/// <summary>The Blob, Queue and Table clients of one storage account, resolved from an app setting the way the Functions host resolves a binding's <c>connection</c>.</summary>
public sealed class StorageAccount(BlobServiceClient blobs, Func<QueueClientOptions, QueueServiceClient> queues, TableServiceClient tables)
{
    public BlobServiceClient Blobs { get; } = blobs;

    /// <summary>Queues with base64 messages, the Functions default.</summary>
    public QueueServiceClient Queues { get; } = queues(DefaultQueueOptions());

    public TableServiceClient Tables { get; } = tables;

    /// <summary>Queues with other client options (another message encoding, a decoding-failure handler).</summary>
    public QueueServiceClient QueuesWith(QueueClientOptions options) => queues(options);

    /// <summary>
    /// <paramref name="name"/> is either a connection string (<c>UseDevelopmentStorage=true</c> locally) or, in Azure,
    /// a section with <c>accountName</c> or <c>blobServiceUri</c>/<c>queueServiceUri</c>/<c>tableServiceUri</c>
    /// (optionally <c>clientId</c>) for an identity-based connection: no key ever leaves the platform.
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var blobUri = ServiceUri(section["blobServiceUri"], accountName, "blob");
        var queueUri = ServiceUri(section["queueServiceUri"], accountName, "queue");
        var tableUri = ServiceUri(section["tableServiceUri"], accountName, "table");
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, " +
                $"or '{name}__accountName' (or the three '{name}__*ServiceUri' settings) for a managed identity.");
        }

        var credential = ConnectionCredential.From(section);
        return new StorageAccount(
            new BlobServiceClient(blobUri, credential, Bounded(new BlobClientOptions())),
            options => new QueueServiceClient(queueUri, credential, Bounded(options)),
            new TableServiceClient(tableUri, credential, Bounded(new TableClientOptions())));
    }

    public static StorageAccount FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString, Bounded(new BlobClientOptions())),
        options => new QueueServiceClient(connectionString, Bounded(options)),
        new TableServiceClient(connectionString, Bounded(new TableClientOptions())));

    /// <summary>
    /// The SDK's retries, bounded: three retries, backing off from 0.5 s to at most 4 s, and 30 s for one try (the
    /// default is 100 s, four times over). An outage then fails a call within about 2 minutes at worst, well inside the
    /// function timeout, so a portal read answers 503 instead of hanging, and a trigger's own retry takes over.
    /// </summary>
    private static T Bounded<T>(T options) where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromSeconds(0.5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    // The Functions queue extension reads and writes base64 messages by default; so do we, so that
    // messages written by one side are always readable by the other.
    public static QueueClientOptions DefaultQueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static Uri? ServiceUri(string? explicitUri, string? accountName, string service) =>
        explicitUri is { Length: > 0 } ? new Uri(explicitUri)
        : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
        : null;
}
