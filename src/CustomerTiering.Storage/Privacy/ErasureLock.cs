using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// One erasure at a time: a 60-second lease on <c>privacy/erasure.lock</c>, renewed while its holder works. The lease id
/// is the work's (<see cref="LeaseIds"/>): the retried message of a holder that died takes it back at once; another
/// message waits for it to lapse, within a minute.
/// </summary>
public sealed class ErasureLock(StorageAccount account, TimeProvider clock)
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    private BlobClient Blob => account.Blobs.GetBlobContainerClient(StorageNames.PrivacyContainer).GetBlobClient("erasure.lock");

    /// <summary>The lock for <paramref name="workId"/>, held and renewed until disposed; null when other work holds it.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string workId, CancellationToken cancellationToken = default)
    {
        await Blob.TryCreateAsync(BinaryData.Empty, cancellationToken);
        var lease = Blob.GetBlobLeaseClient(LeaseIds.Of(workId));
        try
        {
            await lease.AcquireAsync(LeaseFor, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new Held(lease, clock);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, TimeProvider clock)
        {
            _lease = lease;
            _renewing = RenewAsync(clock);
        }

        private async Task RenewAsync(TimeProvider clock)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(RenewEvery, clock, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (RequestFailedException)
                {
                    // Storage away for a moment: the next renewal tries again; a lapsed lease shows as a failed renewal.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lapsed or storage away: it frees itself within a minute.
            }
        }
    }
}
