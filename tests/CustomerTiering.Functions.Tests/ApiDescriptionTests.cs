using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.Functions.OpenApi;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The OpenAPI description and the worker's functions.metadata name the same HTTP functions, routes and methods.</summary>
public sealed class ApiDescriptionTests
{
    private static readonly FunctionAppDefinition App = FunctionAppLoader.Load(RepositoryPaths.BuildOutput("CustomerTiering.Functions"));
    private static string Normalize(string pattern) => "/" + pattern.Trim('/').ToLowerInvariant();

    private static IReadOnlyList<(string Name, string Pattern, IReadOnlyList<string> Methods)> Described(ApiReference reference) =>
        [.. reference.Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => (
                e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                Normalize(e.RoutePattern.RawText ?? ""),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])))];

    private static IEnumerable<FunctionDefinition> HttpFunctions() => App.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger));

    [Fact]
    public async Task Every_http_function_is_described_under_its_name_with_its_route_and_methods()
    {
        await using var reference = new ApiReference();
        var described = Described(reference);
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
    public async Task Every_described_operation_is_a_function_of_the_worker()
    {
        await using var reference = new ApiReference();
        var functions = HttpFunctions().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(Described(reference), d => Assert.Contains(d.Name, functions));
        Assert.Contains("Health", functions);
    }

    [Fact]
    public async Task The_reference_page_function_covers_every_route_of_the_page()
    {
        await using var reference = new ApiReference();
        var docs = Assert.Single(HttpFunctions(), f => f.Name == "GetApiDocs");
        // Routes without an operation name are the page's (Scalar's HTML and scripts): GetApiDocs' catch-all must cover them all.
        var pageRoutes = reference.Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => Normalize(e.RoutePattern.RawText ?? ""))
            .ToList();

        Assert.Equal("docs/{*path}", docs.Trigger.GetString("route"));
        Assert.NotEmpty(pageRoutes);
        Assert.All(pageRoutes, p => Assert.StartsWith(ApiReference.PagePath, p, StringComparison.Ordinal));
    }
}
