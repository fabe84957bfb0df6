using System.Reflection;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CustomerTiering.Functions.OpenApi;

/// <summary>
/// The OpenAPI document and its reference page, generated from the code. Every HTTP function is its own declaration:
/// its route and methods in <c>[HttpTrigger]</c>, its parameters in its <see cref="Http.HttpInput"/>, its answers in its
/// <c>Results&lt;…&gt;</c> return type. Here each is mapped, as it is, onto an ASP.NET Core app that is never started and
/// whose handlers never run; <c>Microsoft.AspNetCore.OpenApi</c> reads them as it reads any minimal API, and Scalar
/// serves the page. A test holds the document to the worker's <c>functions.metadata</c>.
/// </summary>
public sealed class ApiReference : IAsyncDisposable
{
    public const string DocumentPath = "/api/openapi.json";
    public const string PagePath = "/api/docs";
    private const string BearerScheme = "bearer";

    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;

    public ApiReference()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ApiReference).Assembly.GetName().Name });
        builder.Services.AddApiJson();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Customer tiering API";
                document.Info.Description = "Tiers, grades and their reasons for the sales portal; regrade runs and policy for administrators. " +
                                            "Every operation but the page, this reference and health needs a Microsoft Entra ID access token " +
                                            "(Authorization: Bearer) whose app roles include one the operation names (docs/security.md).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token for the API's app registration; the operation's roles are app roles in its roles claim.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CallableByAttribute>().FirstOrDefault() is { } callable)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [.. callable.Roles] });
                    operation.Description = $"{operation.Description}\n\nCallable with one of the app roles: {string.Join(", ", callable.Roles)}.".TrimStart();
                }

                return Task.CompletedTask;
            });
        });
        _app = builder.Build();
        _app.UseRouting();
        foreach (var function in HttpFunction.All.Where(f => f.Method.DeclaringType != typeof(ApiReferenceFunctions)))
        {
            var endpoint = _app.MapMethods($"/api/{function.Route}", function.Methods, function.Describe()).WithName(function.Name);
            if (!function.Declares(StatusCodes.Status503ServiceUnavailable))
            {
                // Storage being away is 503 for every function (HttpErrorMiddleware).
                endpoint.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
            }

            if (function.Method.GetCustomAttribute<CallableByAttribute>() is not null)
            {
                // No token or a bad one, and a token without the role (AccessMiddleware), before the function runs.
                endpoint.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
            }
        }

        _app.MapOpenApi(DocumentPath).WithName("GetOpenApi");
        _app.MapScalarApiReference(PagePath, options => options.WithTitle("Customer tiering API").WithOpenApiRoutePattern(DocumentPath));
        _app.UseEndpoints(_ => { });
        _pipeline = ((IApplicationBuilder)_app).Build();
    }

    /// <summary>The routes the document describes.</summary>
    internal IReadOnlyList<RouteEndpoint> Endpoints => [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];

    /// <summary>Answers a request for the document or the page (or one of the page's scripts) from the description app.</summary>
    public IResult Serve() => new DescriptionResult(this);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        // The worker routed the request to its function; the description app routes it again among its own endpoints.
        var services = context.RequestServices;
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        await using var scope = _app.Services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await _pipeline(context);
        }
        finally
        {
            context.RequestServices = services;
        }
    }

    private sealed class DescriptionResult(ApiReference reference) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => reference.ServeAsync(httpContext);
    }
}
