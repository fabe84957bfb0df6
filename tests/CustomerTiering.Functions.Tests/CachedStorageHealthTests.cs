using CustomerTiering.Functions.Health;
using CustomerTiering.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The anonymous health check's probe: asked again within a few seconds, storage is not asked again.</summary>
public sealed class CachedStorageHealthTests
{
    // Nothing listens on port 9 of the loopback: the probe fails fast, with no emulator needed.
    private static readonly StorageAccount Nowhere = StorageAccount.FromConnectionString(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;" +
        "QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");

    [Fact]
    public async Task A_probe_is_answered_again_until_it_is_five_seconds_old_then_storage_is_asked_anew()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cached = new CachedStorageHealth(new StorageHealthProbe(Nowhere, TimeProvider.System), clock);

        var first = await cached.GetAsync(CancellationToken.None);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cached.GetAsync(CancellationToken.None)));
        clock.Advance(CachedStorageHealth.MaxAge - TimeSpan.FromMilliseconds(1));
        var stillCached = await cached.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await cached.GetAsync(CancellationToken.None);

        Assert.False(first.AllReachable);
        Assert.All(concurrent, h => Assert.Same(first, h));
        Assert.Same(first, stillCached);
        Assert.NotSame(first, fresh);
    }
}
