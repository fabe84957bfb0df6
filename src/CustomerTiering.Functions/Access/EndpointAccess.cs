using System.Reflection;
using CustomerTiering.Functions.OpenApi;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// Who may call each HTTP function, as its <see cref="CallableByAttribute"/> or <see cref="CallableByAnyoneAttribute"/>
/// says. Made when the worker starts, which it refuses to do while any HTTP function says neither (or both): a new
/// endpoint cannot go out open by forgetting.
/// </summary>
public sealed class EndpointAccess
{
    private readonly Dictionary<string, IReadOnlyList<string>?> _rolesByFunction;

    private EndpointAccess(Dictionary<string, IReadOnlyList<string>?> rolesByFunction) => _rolesByFunction = rolesByFunction;

    public static EndpointAccess FromAttributes(IEnumerable<HttpFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var rules = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var undeclared = new List<string>();
        foreach (var function in functions)
        {
            var roles = function.Method.GetCustomAttribute<CallableByAttribute>();
            var anyone = function.Method.GetCustomAttribute<CallableByAnyoneAttribute>();
            if ((roles is null) == (anyone is null))
            {
                undeclared.Add(function.Name);
                continue;
            }

            rules[function.Name] = roles?.Roles;
        }

        return undeclared.Count == 0
            ? new EndpointAccess(rules)
            : throw new InvalidOperationException(
                $"HTTP functions must say who may call them with exactly one of [CallableBy(roles)] or [CallableByAnyone]: {string.Join(", ", undeclared)}.");
    }

    /// <summary>The roles any one of which lets a caller in; null when anyone may call the function.</summary>
    public IReadOnlyList<string>? RolesFor(string function) =>
        _rolesByFunction.TryGetValue(function, out var roles)
            ? roles
            : throw new InvalidOperationException($"'{function}' is not an HTTP function of this app.");
}
