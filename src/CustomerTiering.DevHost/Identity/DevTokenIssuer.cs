using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerTiering.DevHost.Identity;

/// <summary>
/// The local stand-in for Microsoft Entra ID: publishes OpenID metadata and a signing key under the dev host's own
/// address (<see cref="PathBase"/>) and signs access tokens shaped like Entra's v2.0 ones (<c>oid</c>, <c>name</c>,
/// <c>preferred_username</c>, <c>roles</c>), so that the worker validates real tokens locally exactly as it does in
/// Azure. The key is made when the dev host starts and lives in its memory only; nothing of this is deployed.
/// </summary>
public sealed class DevTokenIssuer : IDisposable
{
    public const string PathBase = "/.dev-issuer";

    /// <summary>The audience the dev host gives the worker, and its tokens carry.</summary>
    public const string Audience = "api://customer-tiering-dev";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly TimeProvider _clock;
    // The RSA key inside; swapped whole when the key rolls, so a reader never sees half of two keys.
    private volatile RsaSecurityKey _key = NewKey();
    private Uri? _issuer;

    public DevTokenIssuer(TimeProvider clock) => _clock = clock;

    /// <summary>The issuer's name, as tokens and metadata carry it; known once the front door has its address.</summary>
    public Uri Issuer => Volatile.Read(ref _issuer) ?? throw new InvalidOperationException("The dev host has not bound its address yet.");

    /// <summary>The key id tokens are signed with now.</summary>
    public string KeyId => _key.KeyId;

    public void Bound(Uri frontDoor)
    {
        ArgumentNullException.ThrowIfNull(frontDoor);
        Volatile.Write(ref _issuer, new Uri(frontDoor, PathBase + "/v2.0"));
    }

    /// <summary>A token for <paramref name="user"/>, valid for <see cref="Lifetime"/>.</summary>
    public string Issue(DevUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _clock.GetUtcNow().UtcDateTime;
        return Sign(ClaimsOf(user), now, now + Lifetime);
    }

    /// <summary>A token with exactly these claims and times, to the audience and from the issuer given (default: this one's).</summary>
    public string Sign(IDictionary<string, object> claims, DateTime notBefore, DateTime expires, string? audience = null, string? issuer = null, SecurityKey? key = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer.ToString(),
            Audience = audience ?? Audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The claims of an Entra v2.0 access token for a signed-in user.</summary>
    public static Dictionary<string, object> ClaimsOf(DevUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["ver"] = "2.0",
            ["oid"] = user.ObjectId,
            ["sub"] = user.ObjectId,
            ["name"] = user.Name,
            ["preferred_username"] = user.Username,
            ["roles"] = user.Roles.ToArray(),
        };
    }

    /// <summary>Signs with a new key from now on, as Entra rolls its keys; the worker must fetch the new key when it first meets it.</summary>
    public void RotateKey() => _key = NewKey(); // the old key is left to the collector: a token may be signing with it now

    /// <summary>The public half of the signing key, as a JSON Web Key Set.</summary>
    public object KeySet()
    {
        var key = _key;
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    alg = SecurityAlgorithms.RsaSha256,
                    kid = key.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
    }

    public void Dispose() => _key.Rsa.Dispose();

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
}
