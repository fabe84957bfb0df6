using Azure;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions;

/// <summary>Creates missing containers, queues and tables once at start-up, without holding the start-up up when storage is down.</summary>
internal sealed class StorageProvisioning(StorageProvisioner provisioner, ILogger<StorageProvisioning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await provisioner.EnsureCreatedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Not fatal: the health endpoint reports unreachable storage, and each function fails (and retries) on its own.
            Log.ProvisioningFailed(logger, ex);
        }
    }
}
