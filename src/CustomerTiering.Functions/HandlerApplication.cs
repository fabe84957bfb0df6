using System.Net;
using CustomerTiering.Functions.Health;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Functions.Regrading;
using Scalar.AspNetCore;

namespace CustomerTiering.Functions;

/// <summary>Builds the custom handler: the ASP.NET Core app the Functions host starts and invokes.</summary>
public static class HandlerApplication
{
    /// <summary>The port the Functions host hands its custom handler.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (builder.Configuration[PortVariable] is { Length: > 0 } portText)
        {
            if (!int.TryParse(portText, out var port) || port is <= 0 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} must be a TCP port, not '{portText}'.");
            }

            // Only the host talks to the handler: never listen beyond loopback.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        builder.AddCustomerTiering();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The host's readiness probe.
        app.MapGet("/", () => Results.Ok()).ExcludeFromDescription();
        app.MapHealth();
        app.MapIngestion();
        app.MapRegrade();
        app.MapPortal();
        app.MapPolicy();
        app.MapOpenApi("/api/openapi.json").WithName("GetOpenApi");
        // The reference page and its scripts: the GetApiDocs function's catch-all route forwards them all.
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("Customer tiering API").WithOpenApiRoutePattern("/api/openapi.json"));
        return app;
    }
}
