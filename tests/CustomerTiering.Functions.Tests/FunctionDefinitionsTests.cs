using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Every function.json and every handler endpoint belong together: neither can be added without the other.</summary>
public sealed class FunctionDefinitionsTests
{
    private static readonly FunctionAppDefinition App = FunctionAppLoader.Load(RepositoryPaths.BuildOutput("CustomerTiering.Functions"));

    private static IReadOnlyList<(string Pattern, IReadOnlyList<string> Methods)> HandlerEndpoints()
    {
        var app = HandlerApplication.Create([]);
        return [.. ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (
                Normalize(e.RoutePattern.RawText ?? ""),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])))];
    }

    private static string Normalize(string pattern) => "/" + pattern.Trim('/').ToLowerInvariant();

    /// <summary>A function's route covers a handler route it equals, or that starts where its catch-all (<c>{*path}</c>) begins.</summary>
    private static bool Covers(string functionPattern, string handlerPattern) =>
        functionPattern == handlerPattern
        || (functionPattern.EndsWith('}') && functionPattern.LastIndexOf("/{*", StringComparison.Ordinal) is var slash and >= 0
            && (handlerPattern + "/").StartsWith(functionPattern[..slash] + "/", StringComparison.Ordinal));

    [Fact]
    public void The_app_root_holds_every_function_folder_of_the_source_tree()
    {
        var sourceFunctions = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "CustomerTiering.Functions"), "function.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(sourceFunctions, App.Functions.Select(f => f.Name));
        Assert.Contains("Health", App.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Every_function_points_at_an_endpoint_the_handler_serves()
    {
        var endpoints = HandlerEndpoints();
        foreach (var function in App.Functions)
        {
            if (BindingTypes.Is(function.Trigger, BindingTypes.HttpTrigger))
            {
                var pattern = Normalize($"{App.Host.RoutePrefix}/{function.Trigger.GetString("route") ?? function.Name}");
                var served = endpoints.Where(e => Covers(pattern, e.Pattern)).SelectMany(e => e.Methods).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var declared = function.Trigger.GetStrings("methods");
                Assert.True(declared.Count > 0, $"{function.Name} declares no methods: it would accept any");
                Assert.All(declared, method => Assert.True(served.Contains(method), $"{function.Name}: the handler does not serve {method} {pattern}"));
            }
            else
            {
                Assert.True(
                    endpoints.Any(e => e.Pattern == Normalize(function.Name) && e.Methods.Contains("POST")),
                    $"{function.Name}: the handler has no POST /{function.Name}");
            }
        }
    }

    [Fact]
    public void Every_handler_api_endpoint_is_declared_by_a_function()
    {
        var declared = App.Functions
            .Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger))
            .Select(f => Normalize($"{App.Host.RoutePrefix}/{f.Trigger.GetString("route") ?? f.Name}"))
            .ToHashSet();

        var undeclared = HandlerEndpoints().Select(e => e.Pattern).Where(p => p.StartsWith("/api/", StringComparison.Ordinal) && !declared.Any(d => Covers(d, p)));

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Http_functions_carry_only_an_http_output_as_forwarding_requires()
    {
        Assert.True(App.Host.EnableForwardingHttpRequest);
        foreach (var function in App.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger)))
        {
            Assert.All(function.Outputs, o => Assert.Equal(BindingTypes.Http, o.Type));
        }
    }
}
