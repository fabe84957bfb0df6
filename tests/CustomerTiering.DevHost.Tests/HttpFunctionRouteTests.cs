using System.Text.Json;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Http;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class HttpFunctionRouteTests
{
    private static HttpFunctionRoute Route(string name, string? route, params string[] methods)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase)
        {
            ["methods"] = JsonSerializer.SerializeToElement(methods),
        };
        if (route is not null)
        {
            properties["route"] = JsonSerializer.SerializeToElement(route);
        }

        var trigger = new BindingDefinition("httpTrigger", "in", "req", properties);
        return new HttpFunctionRoute(new FunctionDefinition(name, trigger), "api");
    }

    [Theory]
    [InlineData("customers/{id}", "/api/customers/C-1", "GET", true)]
    [InlineData("customers/{id}", "/api/customers/C-1/history", "GET", false)]
    [InlineData("customers/{id}", "/api/customers/C-1", "POST", false)]
    [InlineData("customers/{id}", "/customers/C-1", "GET", false)]
    [InlineData(null, "/api/Health", "GET", true)]
    public void Matches_route_template_under_the_prefix_and_the_methods(string? route, string path, string method, bool expected) =>
        Assert.Equal(expected, Route("Health", route, "get").Matches(path, method));

    [Theory]
    [InlineData("ManageRegrade", "admin/regrade")]
    [InlineData("Administer", null)]
    [InlineData("Hooks", "runtime/webhooks")]
    public void Routes_the_functions_host_reserves_are_refused_as_the_host_refuses_them(string name, string? route) =>
        Assert.Throws<FunctionAppException>(() => Route(name, route, "get"));

    [Fact]
    public void A_literal_route_takes_precedence_over_a_parameter()
    {
        var literal = Route("Summary", "customers/summary", "get");
        var parameter = Route("Customer", "customers/{id}", "get");

        Assert.True(literal.Precedence < parameter.Precedence);
    }

    [Fact]
    public void No_methods_means_every_method()
    {
        Assert.True(Route("Any", "any").Matches("/api/any", "PATCH"));
    }
}
