using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.Functions.OpenApi;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The OpenAPI description and the worker's functions.metadata name the same HTTP functions, routes and methods.</summary>
public sealed class ApiDescriptionTests : IAsyncLifetime
{
    private static readonly FunctionAppDefinition App = FunctionAppLoader.Load(RepositoryPaths.BuildOutput("CustomerTiering.Functions"));
    private ApiReference _reference = null!;

    public Task InitializeAsync()
    {
        _reference = new ApiReference();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _reference.DisposeAsync();

    private static string Normalize(string pattern) => "/" + pattern.Trim('/').ToLowerInvariant();

    private IReadOnlyList<(string Name, string Pattern, IReadOnlyList<string> Methods)> Described() =>
        [.. _reference.Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => (
                e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                Normalize(e.RoutePattern.RawText ?? ""),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])))];

    private static IEnumerable<FunctionDefinition> HttpFunctions() => App.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger));

    [Fact]
    public void Every_http_function_is_described_under_its_name_with_its_route_and_methods()
    {
        var described = Described();
        foreach (var function in HttpFunctions().Where(f => f.Name != "GetApiDocs"))
        {
            var route = Normalize($"{App.Host.RoutePrefix}/{function.Trigger.GetString("route")}");
            var entry = Assert.Single(described, d => d.Name == function.Name);
            Assert.Equal(route, entry.Pattern);
            Assert.Equal(
                function.Trigger.GetStrings("methods").Select(m => m.ToUpperInvariant()).Order(),
                entry.Methods.Select(m => m.ToUpperInvariant()).Order());
        }
    }

    [Fact]
    public void Every_described_operation_is_a_function_of_the_worker()
    {
        var functions = HttpFunctions().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(Described(), d => Assert.Contains(d.Name, functions));
        Assert.Contains("Health", functions);
    }

    [Fact]
    public void The_reference_page_function_covers_every_route_of_the_page()
    {
        var docs = Assert.Single(HttpFunctions(), f => f.Name == "GetApiDocs");
        var pageRoutes = _reference.Endpoints.Select(e => Normalize(e.RoutePattern.RawText ?? "")).Where(p => p.StartsWith(ApiReference.PagePath, StringComparison.Ordinal)).ToList();

        Assert.Equal("docs/{*path}", docs.Trigger.GetString("route"));
        Assert.NotEmpty(pageRoutes);
    }
}
