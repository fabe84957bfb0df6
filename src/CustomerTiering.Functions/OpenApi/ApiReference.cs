using CustomerTiering.Functions.Dashboard;
using CustomerTiering.Functions.Forecasting;
using CustomerTiering.Functions.Health;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.TierOverrides;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Functions.Regrading;
using Scalar.AspNetCore;

namespace CustomerTiering.Functions.OpenApi;

/// <summary>
/// The OpenAPI document and its reference page, generated from the code. The HTTP functions' handlers are described as
/// minimal-API routes (<c>MapPortal</c>, <c>MapIngestion</c>, …: the same handler methods, with their parameters and
/// typed responses) in an ASP.NET Core app that is never started; <c>Microsoft.AspNetCore.OpenApi</c> reads them as it
/// reads any app, and Scalar serves the page. A test holds the document to the worker's <c>functions.metadata</c>.
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
        // The handlers' services must be known as services, or minimal APIs would describe them as request bodies.
        builder.AddCustomerTiering();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Customer tiering API";
            document.Info.Description = "Tiers, grades and their reasons for the sales portal; regrade runs and policy for administrators. " +
                                        "Reads need a function key (x-functions-key or ?code=), writes the admin key.";
            return Task.CompletedTask;
        }));
        _app = builder.Build();
        _app.UseRouting();
        _app.MapHealth();
        _app.MapIngestion();
        _app.MapRegrade();
        _app.MapPortal();
        _app.MapOwners();
        _app.MapOverrides();
        _app.MapPolicy();
        _app.MapDashboard();
        _app.MapBacktest();
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
