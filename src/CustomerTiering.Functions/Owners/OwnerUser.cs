namespace CustomerTiering.Functions.Owners;

/// <summary>What the directory accepts as a user: a sign-in name (UPN or e-mail address) or an object id (a machine caller).</summary>
public static class OwnerUser
{
    public const int MaxLength = 256;

    public const string Rule = "user is a sign-in name (name@domain) or an object id (a GUID), up to 256 characters.";

    public static bool IsValid(string? user) =>
        user is { Length: > 0 and <= MaxLength }
        && user == user.Trim()
        && !user.Any(char.IsControl)
        && (Guid.TryParse(user, out _) || (user.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < user.Length - 1 && !user.Contains(' ', StringComparison.Ordinal)));

    /// <summary>Whether an owner name of an export is itself a sign-in name, matched to its user without the directory.</summary>
    public static bool IsSignInName(string owner) => owner.Contains('@', StringComparison.Ordinal) && IsValid(owner.Trim());
}
