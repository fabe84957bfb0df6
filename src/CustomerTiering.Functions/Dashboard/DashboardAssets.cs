using System.Collections.Frozen;
using System.Security.Cryptography;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// The dashboard's page, script and styles, embedded in the app at build (see the project file): served from memory
/// with an ETag, only these three names, so no request path ever reaches the file system.
/// </summary>
public sealed class DashboardAssets
{
    // The page loads only its own script and styles and talks only to this app; ECharts sets inline styles.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Asset> _assets;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        _assets = ContentTypes.ToFrozenDictionary(
            pair => pair.Key,
            pair =>
            {
                using var stream = assembly.GetManifestResourceStream($"Dashboard/{pair.Key}")
                    ?? throw new InvalidOperationException($"The dashboard's {pair.Key} is not embedded: build the app with Node.js on the PATH.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return new Asset(bytes, pair.Value, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\""));
            },
            StringComparer.Ordinal);
    }

    /// <summary>The page for an empty path, else the named script or styles; 404 for anything else.</summary>
    public Results<FileContentHttpResult, NotFoundProblem> Serve(HttpContext context, string? file)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_assets.TryGetValue(string.IsNullOrEmpty(file) ? "index.html" : file, out var asset))
        {
            return new NotFoundProblem("Not found", "The dashboard has its page, dashboard.js and dashboard.css only.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The page always asks again (cheap: 304); the script and styles change only with a deployment.
        headers.CacheControl = asset.ContentType.StartsWith("text/html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=3600";
        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);
}
