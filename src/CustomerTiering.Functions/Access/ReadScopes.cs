using CustomerTiering.Storage.Owners;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// The <see cref="ReadScope"/> of a request's caller. The owner directory is read at most every
/// <see cref="DirectoryLifetime"/> per instance (every rep's request needs it; it changes seldom), and at once after this
/// instance changed it: on other instances a change shows within that time.
/// </summary>
public sealed class ReadScopes(OwnerDirectoryStore directory, TimeProvider clock)
{
    public static readonly TimeSpan DirectoryLifetime = TimeSpan.FromSeconds(30);

    private volatile Cached? cached;

    /// <summary>Everything for a reader of all; otherwise the caller's own book (empty for a caller without the own-book role).</summary>
    public async Task<ReadScope> OfAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        if (caller.Holds(AppRoles.ReadAll))
        {
            return ReadScope.Everything;
        }

        return caller.Holds(AppRoles.ReadOwnBook)
            ? ReadScope.BookOf(caller.Username, caller.ObjectId, await DirectoryAsync(cancellationToken))
            : ReadScope.Nothing;
    }

    /// <summary>Called after this instance changed the directory, so its next read is of storage.</summary>
    public void DirectoryChanged() => cached = null;

    private async Task<IReadOnlyList<OwnerDirectoryEntry>> DirectoryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cached is { } known && now - known.ReadAt < DirectoryLifetime)
        {
            return known.Entries;
        }

        var entries = await directory.AllAsync(cancellationToken);
        cached = new Cached(entries, now);
        return entries;
    }

    private sealed record Cached(IReadOnlyList<OwnerDirectoryEntry> Entries, DateTimeOffset ReadAt);
}
