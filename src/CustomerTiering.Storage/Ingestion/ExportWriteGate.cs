using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Storage.Ingestion;

/// <summary>
/// Keeps an ingestion's writing and a regrade's measuring apart, so that a run sees each export's rows all or none.
/// An ingestion about to write puts up a marker, then looks for a run that is measuring; if there is one, it takes the
/// marker down and waits. A run's first shard measures only once no marker is up, and then notes on the run that writes
/// are held; the other shards need not look again. Both put themselves on record before they look at the other (the run
/// is Measuring from its creation), so at least one of them sees the other: they never both go ahead.
/// A marker is refreshed while its ingestion writes; one older than <see cref="FreshFor"/> is of an ingestion that died,
/// and no run waits for it.
/// </summary>
public sealed class ExportWriteGate(StorageAccount account, RegradeLock regradeLock, RunStore runs, TimeProvider clock)
{
    /// <summary>How long a marker counts without a refresh.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);

    /// <summary>How often a marker is refreshed while its ingestion writes.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan WaitBetweenLooks = TimeSpan.FromSeconds(2);
    private const string Prefix = "export-writes/";

    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer);

    /// <summary>Waits until no run is measuring, with this ingestion's marker up; returns the run it waited for, if any.</summary>
    public async Task<string?> EnterAsync(string ingestionId, CancellationToken cancellationToken = default)
    {
        string? waitedFor = null;
        while (true)
        {
            await RefreshAsync(ingestionId, cancellationToken);
            if (await MeasuringRunAsync(cancellationToken) is not { } measuring)
            {
                return waitedFor;
            }

            waitedFor = measuring;
            await LeaveAsync(ingestionId, CancellationToken.None);
            await Task.Delay(WaitBetweenLooks, clock, cancellationToken);
        }
    }

    public async Task RefreshAsync(string ingestionId, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(Prefix + ingestionId).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);

    public async Task LeaveAsync(string ingestionId, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(Prefix + ingestionId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The ingestions writing now (their markers are fresh).</summary>
    public async Task<IReadOnlyList<string>> WritingAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - FreshFor;
        var writing = new List<string>();
        await foreach (var marker in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            if (marker.Properties.LastModified > since)
            {
                writing.Add(marker.Name[Prefix.Length..]);
            }
        }

        return writing;
    }

    private async Task<string?> MeasuringRunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await regradeLock.HolderAsync(cancellationToken) is { RunId: { } runId }
                   && await runs.GetAsync(runId, cancellationToken) is { Status: RunStatus.Measuring }
                ? runId
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // no run has been made yet
        }
    }
}
