using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Health;

/// <summary>
/// The storage probe's last answer, kept for <see cref="MaxAge"/>: the anonymous health check costs storage at most
/// three calls every few seconds per instance however often anyone asks, and concurrent askers share one probe.
/// </summary>
public sealed class CachedStorageHealth(StorageHealthProbe probe, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (StorageHealth Health, DateTimeOffset At)? _last;

    public async Task<StorageHealth> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probing.WaitAsync(cancellationToken);
        try
        {
            // Another asker may have probed while this one waited.
            if (Fresh() is { } probed)
            {
                return probed;
            }

            var health = await probe.CheckAsync(cancellationToken);
            _last = (health, clock.GetUtcNow());
            return health;
        }
        finally
        {
            _probing.Release();
        }
    }

    public void Dispose() => _probing.Dispose();

    private StorageHealth? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < MaxAge ? last.Health : null;
}
