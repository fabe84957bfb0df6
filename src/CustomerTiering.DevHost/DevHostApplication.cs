using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CustomerTiering.DevHost.EventGrid;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Http;
using CustomerTiering.DevHost.Identity;
using CustomerTiering.DevHost.Invocations;
using CustomerTiering.DevHost.Triggers;
using CustomerTiering.DevHost.Worker;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CustomerTiering.DevHost;

/// <summary>Builds the dev host: the local stand-in for the Functions host, for machines without Core Tools.</summary>
public static class DevHostApplication
{
    /// <param name="options">The app root, port and settings to run.</param>
    /// <param name="timerClock">
    /// The clock timer triggers keep: a test drives a fake one to bring a schedule's occurrences due. Polling, leases and
    /// retries keep the system clock, as storage's own timeouts do.
    /// </param>
    /// <param name="configureServices">Tests add to the services here (a logger provider that captures the worker's logs).</param>
    public static WebApplication Create(DevHostOptions options, TimeProvider? timerClock = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = FunctionAppLoader.Load(options.AppRoot, options.SettingsFile);
        foreach (var function in app.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.TimerTrigger)))
        {
            TimerTriggerListener.ParseSchedule(function); // a bad schedule stops the start, not the first tick
        }

        // appsettings.json (log levels) sits beside the dev host, whatever the current directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The front door first, so it is the first of the server's addresses. Kestrel cannot pick a free port for
            // "localhost" (two addresses), so port 0 binds the IPv4 loopback.
            if (options.Port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }

            // The worker protocol: HTTP/2 without TLS, loopback only, as the Functions host serves it to its workers. Port 0:
            // Kestrel binds a free port itself (a port found free beforehand can be taken by another process before the bind).
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        // A worker that stops closes its stream; gRPC logs that as an error reading a message, with a stack trace.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddKeyedSingleton(TriggerListeners.TimerClock, timerClock ?? TimeProvider.System);
        builder.Services.AddSingleton(new FunctionKeys(app.Settings));
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<GrpcEndpoint>();
        builder.Services.AddSingleton<WorkerProcess>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkerProcess>());
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton<InvocationClient>();
        builder.Services.AddHostedService<TriggerListeners>();
        builder.Services.AddHostedService<BlobCreatedEventSource>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddCors();
        builder.Services.AddSingleton<HttpTriggerForwarder>();
        configureServices?.Invoke(builder.Services);

        var web = builder.Build();
        var forwarder = web.Services.GetRequiredService<HttpTriggerForwarder>();
        var grpc = web.Services.GetRequiredService<GrpcEndpoint>();
        web.Use(async (context, next) =>
        {
            // The worker protocol on its own port only, and nothing else there.
            if ((context.Connection.LocalPort == grpc.Port) != context.Request.Path.StartsWithSegments(WorkerProtocolPath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        web.UseRouting();
        if (app.Settings.CorsOrigins.Count > 0)
        {
            // As the platform does: preflights are answered here, before keys; the portal may read ETag and Location.
            web.UseCors(cors => cors.WithOrigins([.. app.Settings.CorsOrigins]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("ETag", "Location", "Content-Language").SetPreflightMaxAge(TimeSpan.FromHours(1)));
        }

        web.MapGrpcService<FunctionRpcService>();
        web.MapDevIssuer();
        // Everything else is the front door; "{**path}" and not MapFallback's default, which skips paths like openapi.json.
        web.MapFallback("{**path}", forwarder.InvokeAsync);
        web.Lifetime.ApplicationStarted.Register(() =>
        {
            // The worker protocol's listener is the last one configured, so its address is the server's last.
            var addresses = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            web.Services.GetRequiredService<DevTokenIssuer>().Bound(new Uri(addresses.First()));
            grpc.Bound(new Uri(addresses.Last()).Port);
            var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerTiering.DevHost");
            var functions = string.Join(", ", app.Functions.Select(f => $"{f.Name} ({f.Trigger.Type})"));
            var url = web.Urls.First();
            Log.Listening(logger, functions, url);
        });
        return web;
    }

    private const string WorkerProtocolPath = "/AzureFunctionsRpcMessages.FunctionRpc";
}
