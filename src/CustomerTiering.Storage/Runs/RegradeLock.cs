using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace CustomerTiering.Storage.Runs;

/// <summary>
/// One regrade at a time: an infinite lease on a lock blob, named after the run holding it. The lease id is derived from
/// the run id, so any instance working on the run (after a restart, on another machine) holds the lock as its own, and
/// nothing has to be renewed while a shard waits in a queue. The run releases it when it ends.
/// </summary>
public sealed class RegradeLock(StorageAccount account)
{
    private const string LockBlob = "regrade.lock";
    private const string HolderKey = "runid";
    private const string AcquiredKey = "acquiredat";

    /// <summary>How often, and how far apart, a lock held without a name is looked at again before its holder is answered.</summary>
    private const int UnnamedHolderLooks = 10;

    private static readonly TimeSpan UnnamedHolderPause = TimeSpan.FromMilliseconds(100);

    private BlobClient Blob => account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer).GetBlobClient(LockBlob);

    public static string LeaseIdOf(string runId) => LeaseIds.Of(runId);

    /// <summary>Takes the lock for <paramref name="runId"/> (again, if it holds it); answers who holds it instead when that is another run.</summary>
    public async Task<LockHolder?> TryAcquireAsync(string runId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await EnsureLockBlobAsync(cancellationToken);
        var holder = await AcquireOnceAsync(runId, now, cancellationToken);
        // A holder without a name is, nearly always, a start or a release between its two calls: a run that ends clears
        // its name and then lets go. Whoever saw a run end and starts the next one at once must not be refused for that
        // moment, so it is looked at again for up to a second (one storage round trip is all it lasts).
        for (var look = 0; holder is { RunId: null } && look < UnnamedHolderLooks; look++)
        {
            await Task.Delay(UnnamedHolderPause, cancellationToken);
            holder = await AcquireOnceAsync(runId, now, cancellationToken);
        }

        return holder;
    }

    private async Task<LockHolder?> AcquireOnceAsync(string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = Blob.GetBlobLeaseClient(LeaseIdOf(runId));
        try
        {
            await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await HolderAsync(cancellationToken) ?? new LockHolder(null, null);
        }

        await Blob.SetMetadataAsync(new Dictionary<string, string> { [HolderKey] = runId, [AcquiredKey] = now.ToString("O", CultureInfo.InvariantCulture) },
            new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken);
        return null;
    }

    /// <summary>Who holds the lock, or null when it is free.</summary>
    public async Task<LockHolder?> HolderAsync(CancellationToken cancellationToken = default)
    {
        var properties = await Blob.GetPropertiesOrNullAsync(cancellationToken);
        if (properties is null || properties.LeaseState != LeaseState.Leased)
        {
            return null;
        }

        // Metadata is set just after the lease is taken and cleared just before it is released: a holder without it is
        // a starter in that moment, or one that died in it or in its release; the blob's last change dates it.
        return new LockHolder(
            properties.Metadata.TryGetValue(HolderKey, out var holder) ? holder : null,
            properties.Metadata.TryGetValue(AcquiredKey, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var acquired)
                ? acquired
                : properties.LastModified);
    }

    public async Task ReleaseAsync(string runId, CancellationToken cancellationToken = default)
    {
        try
        {
            // Cleared first, so the next holder is never mistaken for this one between its lease and its metadata.
            await Blob.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = LeaseIdOf(runId) }, cancellationToken);
            await Blob.GetBlobLeaseClient(LeaseIdOf(runId)).ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Not held, or held by another run: nothing of ours to release.
        }
    }

    /// <summary>Frees a lock whose run is known to be over (finished, or never recorded because it died starting).</summary>
    public async Task BreakAsync(CancellationToken cancellationToken = default) =>
        await Blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);

    private async Task EnsureLockBlobAsync(CancellationToken cancellationToken) =>
        await Blob.TryCreateAsync(BinaryData.Empty, cancellationToken);
}
