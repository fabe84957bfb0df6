namespace CustomerTiering.Functions.Access;

/// <summary>
/// Who may call an HTTP function: a caller whose valid token holds any one of <see cref="Roles"/>. Every HTTP function
/// carries this or <see cref="CallableByAnyoneAttribute"/>; the worker refuses to start when one carries neither
/// (<see cref="EndpointAccess"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CallableByAttribute : Attribute
{
    public CallableByAttribute(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Length == 0 || roles.Any(r => !AppRoles.All.Contains(r)))
        {
            throw new ArgumentException($"Name one or more of: {string.Join(", ", AppRoles.All)}.", nameof(roles));
        }

        Roles = roles;
    }

    public IReadOnlyList<string> Roles { get; }
}
