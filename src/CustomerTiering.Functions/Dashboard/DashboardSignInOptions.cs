using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// App settings <c>Dashboard__*</c>: how the dashboard signs people in with Microsoft Entra ID (MSAL.js, the
/// authorization code flow with PKCE, redirecting back to <c>/api/dashboard</c>). Without a client id the dashboard
/// offers no such button: locally the dev host's demo people sign in instead, and anyone may paste a token.
/// </summary>
public sealed class DashboardSignInOptions : IValidatableObject
{
    public const string Section = "Dashboard";

    /// <summary>The dashboard's app registration (a single-page application whose redirect URI is the dashboard's address).</summary>
    public string? ClientId { get; set; }

    /// <summary>The tenant's sign-in address, <c>https://login.microsoftonline.com/{tenant id}</c>.</summary>
    [Url]
    public string? Authority { get; set; }

    /// <summary>The API's delegated scope the token is asked for, <c>api://{API client id}/access_as_user</c>; its app roles come with it.</summary>
    public string? Scope { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (string.IsNullOrWhiteSpace(Authority) || string.IsNullOrWhiteSpace(Scope)))
        {
            yield return new ValidationResult("Dashboard:ClientId needs Dashboard:Authority and Dashboard:Scope as well.", [nameof(Authority), nameof(Scope)]);
        }

        if (Authority is { } authority && !authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Dashboard:Authority is an https address.", [nameof(Authority)]);
        }
    }
}
