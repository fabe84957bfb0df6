using System.Collections.Concurrent;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Policies;

namespace CustomerTiering.Functions.Portal;

/// <summary>Policies by version, read once each: a version never changes, and every grade names the one it was graded with.</summary>
public sealed class PolicyVersions(PolicyStore store)
{
    private readonly ConcurrentDictionary<string, TieringPolicy> _known = new(StringComparer.Ordinal);

    /// <summary>The policy of that version, or null when none is stored (a missing one is looked for again next time).</summary>
    public async Task<TieringPolicy?> GetAsync(string version, CancellationToken cancellationToken = default)
    {
        if (_known.TryGetValue(version, out var known))
        {
            return known;
        }

        var policy = await store.GetAsync(version, cancellationToken);
        return policy is null ? null : _known.GetOrAdd(version, policy);
    }

    /// <summary>How that version names tiers and segments; the default policy's names when the version is not stored.</summary>
    public async Task<DisplayNames> DisplayNamesAsync(string version, CancellationToken cancellationToken = default) =>
        DisplayNames.Of(await GetAsync(version, cancellationToken));
}
