using System.Text.Json;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.OpenApi;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Every HTTP function's declaration of who may call it, checked without a host; and the roles the app registration publishes.</summary>
public sealed class EndpointAccessTests
{
    [Fact]
    public void Every_http_function_of_the_app_declares_who_may_call_it()
    {
        var access = EndpointAccess.FromAttributes(HttpFunction.All);

        Assert.All(HttpFunction.All, f => _ = access.RolesFor(f.Name));
        Assert.Null(access.RolesFor("Health"));
        Assert.Equal([AppRoles.Administer], access.RolesFor("PutPolicy"));
    }

    [Fact]
    public void A_function_that_says_nothing_or_both_stops_the_worker_from_starting()
    {
        HttpFunction Of(string method) => new(method, method.ToLowerInvariant(), ["GET"], typeof(Declarations).GetMethod(method)!);

        var error = Assert.Throws<InvalidOperationException>(() =>
            EndpointAccess.FromAttributes([Of(nameof(Declarations.Undeclared)), Of(nameof(Declarations.Both)), Of(nameof(Declarations.Declared))]));

        Assert.Contains("Undeclared, Both.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declaration_names_only_roles_the_app_knows()
    {
        Assert.Throws<ArgumentException>(() => new CallableByAttribute("Tiers.Everything"));
        Assert.Throws<ArgumentException>(() => new CallableByAttribute());
    }

    [Fact]
    public void The_app_registrations_roles_are_the_roles_the_app_knows()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app-roles.json")));

        Assert.Equal(AppRoles.All.Order(StringComparer.Ordinal),
            roles.RootElement.EnumerateArray().Select(r => r.GetProperty("value").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(roles.RootElement.EnumerateArray(), r => Assert.True(Guid.TryParse(r.GetProperty("id").GetString(), out _)));
    }

    [Fact]
    public void A_caller_is_the_tokens_object_id_name_and_roles()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new("oid", "abc"), new("name", "Li Na"), new("preferred_username", "li.na@example.com"),
            new("roles", AppRoles.ReadAll), new("roles", AppRoles.ReadAll), new("roles", AppRoles.Upload),
        ], "test"));
        var machine = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("oid", "def"), new("azp", "portal-backend-client-id"), new("roles", AppRoles.ReadAll)], "test"));
        var nobody = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("name", "No id")], "test"));

        Assert.Equal(("abc", "Li Na", "li.na@example.com"), (Caller.From(principal)!.ObjectId, Caller.From(principal)!.Name, Caller.From(principal)!.Username));
        Assert.Equal([AppRoles.ReadAll, AppRoles.Upload], Caller.From(principal)!.Roles);
        Assert.Equal(("portal-backend-client-id", null), (Caller.From(machine)!.Name, Caller.From(machine)!.Username));
        Assert.Null(Caller.From(nobody));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Methods stand for functions; only their attributes are read.")]
    private sealed class Declarations
    {
        public void Undeclared()
        {
        }

        [CallableBy(AppRoles.ReadAll)]
        [CallableByAnyone]
        public void Both()
        {
        }

        [CallableBy(AppRoles.ReadAll)]
        public void Declared()
        {
        }
    }
}
