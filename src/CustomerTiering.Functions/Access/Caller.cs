using System.Security.Claims;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// Who made a request, as its validated token says: the object id (<c>oid</c>, a user's or a machine caller's service
/// principal), the display name (<c>name</c>, else the app's id for a machine caller), the sign-in name
/// (<c>preferred_username</c>, <c>upn</c> or <c>email</c>; none for a machine) and the app roles. Never from a header the
/// caller could set: <c>X-MS-CLIENT-PRINCIPAL*</c> is not read anywhere.
/// </summary>
public sealed record Caller(string ObjectId, string Name, string? Username, IReadOnlyList<string> Roles)
{
    /// <summary>The caller of a request that <see cref="AccessMiddleware"/> let through with a token.</summary>
    public static Caller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Caller>()
            ?? throw new InvalidOperationException("The request has no caller: its function is callable by anyone and should not ask for one.");
    }

    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var objectId = principal.FindFirst("oid")?.Value ?? principal.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        var username = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("upn")?.Value ?? principal.FindFirst("email")?.Value;
        var name = principal.FindFirst("name")?.Value ?? username ?? principal.FindFirst("azp")?.Value ?? principal.FindFirst("appid")?.Value ?? objectId;
        return new Caller(objectId, name, username, [.. principal.FindAll("roles").Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
    }

    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>How an audit record names the caller: both the name people read and the id that does not change.</summary>
    public Actor AsActor() => new(ObjectId, Name);
}
