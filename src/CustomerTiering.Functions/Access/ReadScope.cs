using CustomerTiering.Storage.Owners;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// Which customers a reader may see: every one, or the customers of their own book, whose owner (as the export writes
/// it) is the caller. An owner is the caller when the owner directory maps that name to the caller's sign-in name or
/// object id, or, for a name the directory does not hold, when it is the caller's sign-in name itself (exports that
/// write owners as e-mail addresses). Names compare without case or surrounding spaces.
/// </summary>
public sealed class ReadScope
{
    private readonly HashSet<string>? ownerKeys;

    private ReadScope(HashSet<string>? ownerKeys) => this.ownerKeys = ownerKeys;

    public static ReadScope Everything { get; } = new(null);

    /// <summary>No customer: the scope of a caller who holds neither reading role.</summary>
    public static ReadScope Nothing { get; } = new([]);

    public bool IsEverything => ownerKeys is null;

    /// <summary>What an answer's cache key holds of the scope: two callers with one key see the same customers.</summary>
    public string Key => ownerKeys is null ? "all" : "book:" + string.Join('|', ownerKeys.Order(StringComparer.Ordinal));

    /// <summary>The book of the caller with that sign-in name (none for a machine caller) and object id.</summary>
    public static ReadScope BookOf(string? username, string objectId, IReadOnlyList<OwnerDirectoryEntry> directory)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(directory);
        var keys = directory
            .Where(e => string.Equals(e.User.Trim(), username?.Trim(), StringComparison.OrdinalIgnoreCase)
                        || string.Equals(e.User.Trim(), objectId, StringComparison.OrdinalIgnoreCase))
            .Select(e => OwnerDirectoryStore.KeyOf(e.Owner))
            .ToHashSet(StringComparer.Ordinal);
        // A name the directory maps to someone is theirs, even when it is another caller's sign-in name.
        if (!string.IsNullOrWhiteSpace(username) && !directory.Any(e => OwnerDirectoryStore.KeyOf(e.Owner) == OwnerDirectoryStore.KeyOf(username)))
        {
            keys.Add(OwnerDirectoryStore.KeyOf(username));
        }

        return new ReadScope(keys);
    }

    public bool Covers(string? owner) => ownerKeys is null || (!string.IsNullOrWhiteSpace(owner) && ownerKeys.Contains(OwnerDirectoryStore.KeyOf(owner)));

    /// <summary>The owner names, of those a period's grades hold, that are in the scope: the set a list is narrowed to.</summary>
    public IReadOnlyList<string> OwnersAmong(IEnumerable<string> owners) => [.. owners.Where(Covers)];
}
