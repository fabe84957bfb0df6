namespace CustomerTiering.Storage;

/// <summary>Creates the app's containers, queues and tables where they are missing (Bicep creates them in Azure; Azurite starts empty).</summary>
public sealed class StorageProvisioner(StorageAccount account)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in StorageNames.Containers)
        {
            await account.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in StorageNames.Queues)
        {
            await account.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageNames.Tables)
        {
            await account.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
