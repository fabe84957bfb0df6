namespace CustomerTiering.Storage.Owners;

/// <summary>
/// One owner name as exports write it, and the user it means: a sign-in name (UPN or e-mail address) or, for a machine
/// caller, an object id. Who last changed it, from their token.
/// </summary>
public sealed record OwnerDirectoryEntry(string Owner, string User, Actor ChangedBy, DateTimeOffset ChangedAt);
