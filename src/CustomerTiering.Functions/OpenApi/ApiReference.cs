using CustomerTiering.Functions.Http;
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

    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;

    public ApiReference()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ApiReference).Assembly.GetName().Name });
        builder.Services.AddApiJson();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Customer tiering API";
            document.Info.Description = "Tiers, grades and their reasons for the sales portal; regrade runs and policy for administrators. " +
                                        "Reads need a function key (x-functions-key or ?code=), writes the admin key.";
            return Task.CompletedTask;
        }));
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
