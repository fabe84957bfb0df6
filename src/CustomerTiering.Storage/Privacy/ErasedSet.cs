namespace CustomerTiering.Storage.Privacy;

/// <summary>The erased customers as read at one moment: answers whether an id is one of them without holding any id.</summary>
public sealed class ErasedSet(IReadOnlySet<string> hashes, CustomerIdHasher hasher)
{
    public int Count => hashes.Count;

    public bool Contains(ReadOnlySpan<char> customerId) =>
        hashes.Count > 0 && !customerId.Trim().IsEmpty && hashes.Contains(hasher.Hash(customerId));
}
