using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// The dashboard's page, script and styles, embedded in the app at build (see the project file): served from memory
/// with an ETag, only these names, so no request path ever reaches the file system; and <c>sign-in.json</c>, how the
/// page signs people in (<see cref="DashboardSignInOptions"/>).
/// </summary>
public sealed class DashboardAssets
{
    private const string SignIn = "sign-in.json";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Asset> _assets;
    private readonly string _contentSecurityPolicy;

    public DashboardAssets(IOptions<DashboardSignInOptions> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var options = signIn.Value;
        // The page loads only its own script and styles and talks only to this app, and to the sign-in authority when
        // there is one (MSAL.js reads its metadata and redeems the code there); ECharts sets inline styles.
        var authority = options.Enabled ? " " + new Uri(options.Authority!).GetLeftPart(UriPartial.Authority) : "";
        _contentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'{authority}; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = ContentTypes.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                using var stream = assembly.GetManifestResourceStream($"Dashboard/{pair.Key}")
                    ?? throw new InvalidOperationException($"The dashboard's {pair.Key} is not embedded: build the app with Node.js on the PATH.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return Asset.Of(bytes, pair.Value);
            },
            StringComparer.Ordinal);
        // What the page reads to offer "Sign in with Microsoft"; all null when the app has no dashboard registration.
        var settings = new JsonObject
        {
            ["clientId"] = options.Enabled ? options.ClientId : null,
            ["authority"] = options.Enabled ? options.Authority : null,
            ["scope"] = options.Enabled ? options.Scope : null,
        };
        assets[SignIn] = Asset.Of(Encoding.UTF8.GetBytes(settings.ToJsonString()), "application/json; charset=utf-8");
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The page for an empty path, else the named script or styles; 404 for anything else.</summary>
    public Results<FileContentHttpResult, NotFoundProblem> Serve(HttpContext context, string? file)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_assets.TryGetValue(string.IsNullOrEmpty(file) ? "index.html" : file, out var asset))
        {
            return new NotFoundProblem("Not found", "The dashboard has its page, dashboard.js, dashboard.css and sign-in.json only.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The page always asks again (cheap: 304); the script and styles change only with a deployment.
        headers.CacheControl = asset.ContentType.StartsWith("text/html", StringComparison.Ordinal) || file == SignIn ? "no-cache" : "public, max-age=3600";
        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag)
    {
        public static Asset Of(byte[] bytes, string contentType) =>
            new(bytes, contentType, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\""));
    }
}
