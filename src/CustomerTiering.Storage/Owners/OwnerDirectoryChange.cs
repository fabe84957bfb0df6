namespace CustomerTiering.Storage.Owners;

/// <summary>A change to the owner directory: <c>Set</c> (with the user the owner now means) or <c>Removed</c>.</summary>
public sealed record OwnerDirectoryChange(string Action, string Owner, string? User, Actor Who, DateTimeOffset At);
