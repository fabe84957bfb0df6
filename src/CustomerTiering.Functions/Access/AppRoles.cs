namespace CustomerTiering.Functions.Access;

/// <summary>
/// The app roles of the app registration, as tokens carry them in their <c>roles</c> claim. A person or a machine caller
/// may hold several; none implies another (an administrator who should read tiers also holds <see cref="ReadAll"/>).
/// docs/security.md says who should hold which.
/// </summary>
public static class AppRoles
{
    /// <summary>Sales managers and management's dashboard: every customer and figure.</summary>
    public const string ReadAll = "Tiers.ReadAll";

    /// <summary>
    /// Sales reps: the customers of their own book only, everywhere the readers of all read (docs/security.md says how an
    /// export's owner names a rep). A holder of <see cref="ReadAll"/> as well reads everything.
    /// </summary>
    public const string ReadOwnBook = "Tiers.ReadOwnBook";

    /// <summary>Sales operations: upload and preview exports, follow their own ingestions.</summary>
    public const string Upload = "Exports.Upload";

    /// <summary>The policy, overrides, regrade runs, the backtest, every ingestion.</summary>
    public const string Administer = "Tiering.Administer";

    /// <summary>
    /// Data protection: a person's data on request, and erasure. Not an administrator's by default: erasing cannot be
    /// undone, and a subject-access answer holds everything about a person.
    /// </summary>
    public const string Privacy = "Privacy.Requests";

    /// <summary>Every role the app knows, in the order docs/security.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ReadAll, ReadOwnBook, Upload, Administer, Privacy];
}
