namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// Whom a pending request erases: their ids, and the names the product held for them, read before their rows go so
/// that a report naming them can still be found after (a resumed erasure no longer finds the rows).
/// </summary>
public sealed record ErasureSubjects(IReadOnlyList<string> CustomerIds, IReadOnlyList<string>? Names = null)
{
    public static ErasureSubjects None { get; } = new([]);
}
