using CustomerTiering.Storage.Owners;

namespace CustomerTiering.Functions.Owners;

/// <summary>
/// The owner directory: its entries; the owners of the current period that no entry maps and that are no sign-in name
/// themselves (their customers are in no rep's book until someone maps them); and the latest changes, newest first.
/// </summary>
public sealed record OwnerDirectoryView(IReadOnlyList<OwnerDirectoryEntry> Entries, IReadOnlyList<string> Unmatched, IReadOnlyList<OwnerDirectoryChange> Changes);
