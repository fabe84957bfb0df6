using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.OpenApi;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The OpenAPI document and the worker's functions.metadata describe the same HTTP functions: names, routes, methods,
/// parameters, and a schema for every answer each declares.
/// </summary>
public sealed partial class ApiDescriptionTests
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

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var reference = new ApiReference();
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = ApiReference.DocumentPath;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await reference.Serve().ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        return JsonDocument.Parse(body.ToArray()).RootElement.Clone();
    }

    [Fact]
    public async Task The_document_gives_each_function_its_route_parameters_its_query_and_a_schema_for_every_answer()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        foreach (var function in HttpFunctions().Where(f => f.Name is not ("GetOpenApi" or "GetApiDocs")))
        {
            var route = function.Trigger.GetString("route")!;
            // OpenAPI has no catch-all parameters: {*file} is written {file}.
            var path = "/api/" + route.Replace("{*", "{", StringComparison.Ordinal);
            Assert.True(paths.TryGetProperty(path, out var item), $"{function.Name}: {path} is not in the document");
            var declared = HttpFunction.All.Single(f => f.Name == function.Name);
            foreach (var method in function.Trigger.GetStrings("methods"))
            {
                var operation = item.GetProperty(method.ToLowerInvariant());
                var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                Assert.Equal(
                    RouteParameter().Matches(route).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal),
                    parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
                Assert.Equal(
                    QueryNames(declared).Order(StringComparer.Ordinal),
                    parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

                var responses = operation.GetProperty("responses").EnumerateObject().ToList();
                Assert.True(responses.Any(r => r.Name.StartsWith('2')), $"{function.Name} {method} declares no success");
                Assert.Contains(responses, r => r.Name == "503");
                foreach (var answer in responses.Where(r => r.Name != "304"))
                {
                    Assert.True(answer.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)),
                        $"{function.Name} {method}: its {answer.Name} answer has no schema");
                }

                if (declared.Method.GetParameters().Any(p => typeof(HttpInput).IsAssignableFrom(p.ParameterType)) || operation.TryGetProperty("requestBody", out _))
                {
                    Assert.True(responses.Any(r => r.Name == "400"), $"{function.Name} takes input but declares no 400");
                }
            }
        }
    }

    [Fact]
    public void Every_http_function_declares_its_answers_in_its_return_type()
    {
        foreach (var function in HttpFunction.All.Where(f => f.Method.DeclaringType != typeof(ApiReferenceFunctions)))
        {
            var answer = function.Method.ReturnType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Task<>)
                ? type.GetGenericArguments()[0]
                : function.Method.ReturnType;
            Assert.True(typeof(IEndpointMetadataProvider).IsAssignableFrom(answer), $"{function.Name} answers {answer.Name}, which declares nothing");
        }
    }

    [Fact]
    public void Every_body_the_api_reads_or_writes_is_in_the_generated_json_context()
    {
        foreach (var function in HttpFunction.All)
        {
            var written = Answers(function.Method.ReturnType).Where(t => t.IsGenericType).Select(t => t.GetGenericArguments()[0]);
            var read = function.Method.GetParameters().SelectMany(p => p.ParameterType.GetProperties())
                .Where(p => p.GetCustomAttribute<FromBodyAttribute>() is not null).Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType);
            foreach (var type in written.Concat(read).Where(t => t != typeof(ProblemDetails)))
            {
                Assert.True(ApiJsonContext.Default.GetTypeInfo(type) is not null, $"{function.Name}: {type.Name} is not in ApiJsonContext");
            }
        }
    }

    [Fact]
    public void Enums_are_written_by_their_camel_case_name_as_the_policy_writes_them()
    {
        var options = new ServiceCollection().AddApiJson().BuildServiceProvider().GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        Assert.Equal("\"growing\"", JsonSerializer.Serialize(Domain.Grading.LifecycleStage.Growing, options));
        Assert.Equal("{\"runId\":\"2026-02-scheduled\",\"status\":\"succeeded\",\"statusUrl\":null}",
            JsonSerializer.Serialize(new Regrading.RunAccepted("2026-02-scheduled", Storage.Runs.RunStatus.Succeeded, null!), options));
    }

    /// <summary>The result types a return type may answer with: the arguments of Results&lt;…&gt;, else the type itself.</summary>
    private static Type[] Answers(Type returnType)
    {
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;
        return type.IsGenericType && type.Namespace == typeof(Results<,>).Namespace && type.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? type.GetGenericArguments()
            : [type];
    }

    private static IEnumerable<string> QueryNames(HttpFunction function) =>
        function.Method.GetParameters()
            .Where(p => typeof(HttpInput).IsAssignableFrom(p.ParameterType))
            .SelectMany(p => p.ParameterType.GetProperties())
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name)
            .OfType<string>();

    [GeneratedRegex(@"\{\*?([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();
}
