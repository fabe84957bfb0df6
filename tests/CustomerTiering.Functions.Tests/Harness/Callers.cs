using CustomerTiering.DevHost.Identity;

namespace CustomerTiering.Functions.Tests;

/// <summary>Who a test's request comes from: the dev issuer's demo people, the portal, or nobody (no token).</summary>
public enum Who
{
    Nobody,

    /// <summary>The portal's own backend: reads every customer and uploads exports (what the function key did before sign-in).</summary>
    Portal,

    /// <summary>A sales rep: reads the customers of her own book ("Li Na", li.na@demo.example).</summary>
    Rep,

    /// <summary>A sales manager: reads every customer and figure.</summary>
    Manager,

    /// <summary>Sales operations: uploads exports, follows their ingestions.</summary>
    Uploader,

    /// <summary>An administrator who also reads tiers and uploads.</summary>
    Administrator,

    /// <summary>The data protection officer: people's requests about their data, nothing else.</summary>
    PrivacyOfficer,
}

/// <summary>The people behind <see cref="Who"/>.</summary>
public static class Callers
{
    /// <summary>A machine caller: the portal's backend with its managed identity's app roles.</summary>
    public static DevUser Portal { get; } = new("portal", "00000000-0000-4000-8000-0000000000aa", "Sales portal", "", ["Tiers.ReadAll", "Exports.Upload"]);

    public static DevUser User(Who caller) => caller switch
    {
        Who.Portal => Portal,
        Who.Rep => Demo("rep"),
        Who.Manager => Demo("manager"),
        Who.Uploader => Demo("uploader"),
        Who.Administrator => Demo("admin"),
        Who.PrivacyOfficer => Demo("privacy"),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Nobody has no token."),
    };

    private static DevUser Demo(string key) => DevUser.Demo.Single(u => u.Key == key);
}
