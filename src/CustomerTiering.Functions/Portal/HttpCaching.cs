using System.Security.Cryptography;
using System.Text;
using CustomerTiering.Functions.Http;
using Microsoft.Net.Http.Headers;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// ETags and cache lifetimes of the portal's reads. A response is a function of the run it reads, the request and the
/// language, so its ETag is a hash of those: it changes exactly when a new run is committed for the period.
/// The current period may be replaced next month (a minute's caching); a closed period only by an administrator
/// grading it again (a day's caching, revalidated by ETag).
/// </summary>
public static class HttpCaching
{
    /// <summary>
    /// Sets the ETag and cache headers of the answer, and returns 304 when the caller holds that ETag already (so storage
    /// is not read); null when the body must be sent. <paramref name="language"/> is the Content-Language, if any.
    /// </summary>
    public static NotModified? Check(HttpContext context, string seed, bool current, string? language)
    {
        ArgumentNullException.ThrowIfNull(context);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 12))}\"");
        var headers = context.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = current ? "private, max-age=60" : "private, max-age=86400";
        headers.Vary = "Accept-Language";
        if (language is not null)
        {
            headers.ContentLanguage = language;
        }

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)) ? NotModified.Instance : null;
    }
}
