using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// App settings <c>Authentication__*</c>: whose tokens the API accepts. In Azure the Microsoft Entra tenant's v2.0
/// endpoint and the app registration's client id; locally the dev host sets both to its development issuer
/// (docs/security.md).
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Authentication";

    /// <summary>The issuer's address; its OpenID metadata (issuer name, signing keys) is read from under it and cached.</summary>
    [Required]
    [Url]
    public string Authority { get; set; } = "";

    /// <summary>The <c>aud</c> a token must carry: the API's app registration (its client id for v2.0 tokens).</summary>
    [Required]
    public string Audience { get; set; } = "";

    /// <summary>
    /// The least time between two reads of the issuer's metadata that a token asks for (an unknown key id, an issuer
    /// not yet known). Entra publishes a key well before it signs with it, and the metadata is read again every 12 hours
    /// anyway; this bounds how often callers can make the worker fetch it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Only the dev host's issuer, on the loopback, is read over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
