using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// A customer id as it arrives in a route. ASP.NET Core decodes every escape in a path except <c>%2F</c> (a decoded '/'
/// would split the segment), and the hosts forward it that way, so an id with '/' arrives as <c>A%2FB</c>: turned back
/// here. The one id this cannot reach is one holding the text <c>%2F</c> itself, which reads as '/'.
/// </summary>
public static class CustomerRouteId
{
    public static string Decode(string routeValue) =>
        routeValue?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) ?? throw new ArgumentNullException(nameof(routeValue));

    /// <summary>Why a decoded id is no customer id (too long, control characters, spaces around it); null when it is one.</summary>
    public static string? Problem(string id) =>
        !CustomerId.TryCreate(id, out var parsed, out var error) || parsed.Value != id
            ? error ?? "A customer id has no leading or trailing spaces."
            : null;

    /// <summary>Adds the problem of a decoded id, if any, under <paramref name="field"/>: the one check every route with a customer id makes.</summary>
    public static void Check(string id, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Problem(id) is { } problem)
        {
            errors[field] = [problem];
        }
    }
}
