using Microsoft.AspNetCore.Routing.Template;
using CustomerTiering.DevHost.FunctionApp;

namespace CustomerTiering.DevHost.Http;

/// <summary>One <c>httpTrigger</c> function's route template, methods and auth level.</summary>
public sealed class HttpFunctionRoute
{
    private readonly TemplateMatcher _matcher;
    private readonly HashSet<string> _methods;

    public HttpFunctionRoute(FunctionDefinition function, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(function);
        Function = function;
        var route = function.Trigger.GetString("route") is { Length: > 0 } r ? r : function.Name;
        // The Functions host refuses these whatever the route prefix; refusing them here keeps local runs honest.
        if (route.TrimStart('/').Split('/')[0] is var first
            && (first.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || first.Equals("runtime", StringComparison.OrdinalIgnoreCase)))
        {
            throw new FunctionAppException($"{function.Name}: route '{route}' conflicts with the Functions host's built-in routes (admin…, runtime).");
        }

        var template = TemplateParser.Parse(string.IsNullOrEmpty(routePrefix) ? route.Trim('/') : $"{routePrefix}/{route.Trim('/')}");
        Precedence = RoutePrecedence.ComputeInbound(template);
        _matcher = new TemplateMatcher(template, []);
        _methods = new HashSet<string>(function.Trigger.GetStrings("methods"), StringComparer.OrdinalIgnoreCase);
        AuthLevel = function.Trigger.GetString("authLevel")?.ToLowerInvariant() switch
        {
            null or "function" => AuthLevel.Function,
            "anonymous" => AuthLevel.Anonymous,
            "admin" or "system" => AuthLevel.Admin,
            var other => throw new FunctionAppException($"{function.Name}: unknown authLevel '{other}'."),
        };
    }

    public FunctionDefinition Function { get; }

    public AuthLevel AuthLevel { get; }

    /// <summary>Lower is more specific: literal segments win over parameters, as in ASP.NET Core routing.</summary>
    public decimal Precedence { get; }

    public bool Matches(PathString path, string method) => TryMatch(path, method, out _);

    /// <summary>Matches and, when it does, gives the route's parameter values (the host sends them as trigger metadata).</summary>
    public bool TryMatch(PathString path, string method, out RouteValueDictionary values)
    {
        values = [];
        return (_methods.Count == 0 || _methods.Contains(method)) && _matcher.TryMatch(path, values);
    }
}
