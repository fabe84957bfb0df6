using CustomerTiering.DevHost.EventGrid;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Handler;
using CustomerTiering.DevHost.Http;
using CustomerTiering.DevHost.Invocations;
using CustomerTiering.DevHost.Triggers;

namespace CustomerTiering.DevHost;

/// <summary>Builds the dev host: the local stand-in for the Functions host, for machines without Core Tools.</summary>
public static class DevHostApplication
{
    public static WebApplication Create(DevHostOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = FunctionAppLoader.Load(options.AppRoot, options.SettingsFile);
        foreach (var function in app.Functions.Where(f => BindingTypes.Is(f.Trigger, BindingTypes.TimerTrigger)))
        {
            TimerTriggerListener.ParseSchedule(function); // a bad schedule stops the start, not the first tick
        }

        // appsettings.json (log levels) sits beside the dev host, whatever the current directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Kestrel cannot pick a free port for "localhost" (two addresses), so port 0 binds the IPv4 loopback.
        builder.WebHost.UseUrls(options.Port == 0 ? "http://127.0.0.1:0" : $"http://localhost:{options.Port}");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton(new FunctionKeys(app.Settings));
        builder.Services.AddSingleton<HandlerProcess>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HandlerProcess>());
        builder.Services.AddSingleton<InvocationClient>();
        builder.Services.AddSingleton<OutputBindingCarrier>();
        builder.Services.AddHostedService<TriggerListeners>();
        builder.Services.AddHostedService<ExportBlobEventSource>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddCors();
        builder.Services.AddSingleton<HttpTriggerForwarder>();

        var web = builder.Build();
        var forwarder = web.Services.GetRequiredService<HttpTriggerForwarder>();
        if (app.Settings.CorsOrigins.Count > 0)
        {
            // As the platform does: preflights are answered here, before keys; the portal may read ETag and Location.
            web.UseCors(cors => cors.WithOrigins([.. app.Settings.CorsOrigins]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("ETag", "Location", "Content-Language").SetPreflightMaxAge(TimeSpan.FromHours(1)));
        }

        web.Run(forwarder.InvokeAsync);
        web.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerTiering.DevHost");
            var functions = string.Join(", ", app.Functions.Select(f => $"{f.Name} ({f.Trigger.Type})"));
            var urls = string.Join(", ", web.Urls);
            Log.Listening(logger, functions, urls);
        });
        return web;
    }
}
