using CustomerTiering.Domain.Reasons;
using Microsoft.Net.Http.Headers;

namespace CustomerTiering.Functions.Portal;

/// <summary>The language reasons are told in: the first of English or Simplified Chinese the caller accepts, else English.</summary>
public static class ApiLanguage
{
    public static (ReasonLanguage Language, string Tag) Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.OfType<string>()], out var accepted))
        {
            foreach (var language in accepted.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1))
            {
                var tag = language.Value.Value ?? "";
                if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !tag.Contains("Hant", StringComparison.OrdinalIgnoreCase) && !tag.EndsWith("TW", StringComparison.OrdinalIgnoreCase))
                {
                    return (ReasonLanguage.SimplifiedChinese, "zh-CN");
                }

                if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                {
                    return (ReasonLanguage.English, "en");
                }
            }
        }

        return (ReasonLanguage.English, "en");
    }
}
