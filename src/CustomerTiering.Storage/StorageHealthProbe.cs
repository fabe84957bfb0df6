using Azure;

namespace CustomerTiering.Storage;

/// <summary>Checks that Blob, Queue and Table storage answer, with one cheap call each.</summary>
public sealed class StorageHealthProbe(StorageAccount account, TimeProvider clock)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var probes = await Task.WhenAll(
            ProbeAsync("blob", ct => account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).ExistsAsync(ct), cancellationToken),
            ProbeAsync("queue", ct => account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue).ExistsAsync(ct), cancellationToken),
            ProbeAsync("table", ct => QueryOneTableAsync(ct), cancellationToken));
        return new StorageHealth(probes);
    }

    private async Task<bool> QueryOneTableAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in account.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken))
        {
            break;
        }

        return true;
    }

    private async Task<StorageServiceHealth> ProbeAsync<T>(string service, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var started = clock.GetTimestamp();
        try
        {
            await call(timeout.Token);
            return new StorageServiceHealth(service, Reachable: true, clock.GetElapsedTime(started).TotalMilliseconds, Error: null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StorageServiceHealth(service, Reachable: false, clock.GetElapsedTime(started).TotalMilliseconds, $"no answer within {ProbeTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            return new StorageServiceHealth(service, Reachable: false, clock.GetElapsedTime(started).TotalMilliseconds, ex.Message.Split('\n')[0]);
        }
    }
}
