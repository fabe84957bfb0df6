namespace CustomerTiering.DevHost.Identity;

/// <summary>A person the development issuer signs tokens for: who they are and the app roles they hold.</summary>
public sealed record DevUser(string Key, string ObjectId, string Name, string Username, IReadOnlyList<string> Roles)
{
    /// <summary>
    /// The demo's people: a sales rep who owns some customers (the demo's exports name her "Li Na"; its owner directory
    /// maps that name to her sign-in name), a sales manager, someone from sales operations who loads the exports, and an
    /// administrator, and the data protection officer who answers people's requests about their data. Their object ids are fixed, so that audit rows and owner books made in one run of the local stack
    /// still name them in the next.
    /// </summary>
    public static IReadOnlyList<DevUser> Demo { get; } =
    [
        new("rep", "00000000-0000-4000-8000-000000000001", "Li Na", "li.na@demo.example", ["Tiers.ReadOwnBook"]),
        new("manager", "00000000-0000-4000-8000-000000000002", "Sun Lei", "sun.lei@demo.example", ["Tiers.ReadAll"]),
        new("uploader", "00000000-0000-4000-8000-000000000003", "Zhao Qing", "zhao.qing@demo.example", ["Exports.Upload"]),
        new("admin", "00000000-0000-4000-8000-000000000004", "Guo Ming", "guo.ming@demo.example", ["Tiering.Administer", "Tiers.ReadAll", "Exports.Upload"]),
        new("privacy", "00000000-0000-4000-8000-000000000005", "Qian Yu", "qian.yu@demo.example", ["Privacy.Requests"]),
    ];
}
