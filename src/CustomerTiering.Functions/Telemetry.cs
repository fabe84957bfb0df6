using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CustomerTiering.Functions;

/// <summary>
/// Where the worker's telemetry goes. In Azure (<c>Telemetry__ConnectionString</c> set) OpenTelemetry sends its logs,
/// with their scopes as properties, the traces of its invocations and the Azure SDK's calls (dependencies) to
/// Application Insights, authenticated as <c>Telemetry__Authentication</c> says (the managed identity), with the
/// storage addresses cut to their table or container (<see cref="AddressRedaction"/>).
/// Elsewhere the app's own logs print on the worker's console, one line each with their scopes, so a run or an
/// ingestion can be followed there too.
/// </summary>
/// <remarks>
/// <para>
/// Not <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>: with it the Functions host would export its own request telemetry,
/// whose URLs hold the routes' customer ids and owner names (<c>customers/{id}</c>, <c>owners/{owner}/customers</c>),
/// and nothing here can scrub the host's. The host's own logs go to Log Analytics by the function app's diagnostic
/// setting instead (infra/main.bicep).
/// </para>
/// OpenTelemetry rather than the Application Insights SDK: the host (<c>telemetryMode</c> in host.json) and the worker
/// then share one trace per invocation, the exporter takes an Entra credential directly, and the same pipeline can
/// export elsewhere (OTLP) without touching the code.
/// </remarks>
public static class Telemetry
{
    /// <summary>App settings, as the environment names them (configuration reads <c>Telemetry:ConnectionString</c>).</summary>
    public const string ConnectionStringSetting = "Telemetry__ConnectionString";

    public const string AuthenticationSetting = "Telemetry__Authentication";

    /// <summary>
    /// The share of traces kept, 0 to 1 (their lines go with them); unset, Application Insights' rate-limited default of a
    /// few traces a second.
    /// </summary>
    public const string SamplingRatioSetting = "Telemetry__SamplingRatio";

    // The worker's provider that forwards logs to the host over gRPC (without their scopes).
    private const string HostChannelProvider = "Microsoft.Azure.Functions.Worker.Logging.WorkerLoggerProvider";
    private const string AppCategories = "CustomerTiering";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Setting(builder.Configuration, ConnectionStringSetting) is { Length: > 0 } connectionString)
        {
            // The Azure SDK's activities are the dependencies: table batches, blob reads, Service Bus sends.
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
            });
            builder.Services.AddOpenTelemetry()
                .UseFunctionsWorkerDefaults()
                .WithTracing(traces => traces.AddSource("Azure.*").AddAspNetCoreInstrumentation().AddProcessor<AddressRedaction>())
                .UseAzureMonitorExporter(exporter =>
                {
                    exporter.ConnectionString = connectionString;
                    exporter.Credential = Credential(Setting(builder.Configuration, AuthenticationSetting));
                    if (float.TryParse(Setting(builder.Configuration, SamplingRatioSetting), NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio))
                    {
                        exporter.SamplingRatio = ratio;
                        exporter.TracesPerSecond = null;
                    }
                });
        }
        else
        {
            builder.Logging.AddConsole(console => console.FormatterName = ScopedLineFormatter.Name)
                .AddConsoleFormatter<ScopedLineFormatter, ConsoleFormatterOptions>();
            // A rule for the console provider outranks Logging:LogLevel, so it takes the level configured there.
            var level = Enum.TryParse<LogLevel>(
                builder.Configuration[$"Logging:LogLevel:{AppCategories}"] ?? builder.Configuration["Logging:LogLevel:Default"], out var configured)
                ? configured
                : LogLevel.Information;
            builder.Services.Configure<LoggerFilterOptions>(filters =>
            {
                // The console prints the app's own lines only; the host prints the worker's and the runtime's.
                var console = typeof(ConsoleLoggerProvider).FullName;
                filters.Rules.Add(new LoggerFilterRule(console, categoryName: null, LogLevel.None, filter: null));
                filters.Rules.Add(new LoggerFilterRule(console, AppCategories, level, filter: null));
                // Printed here with their scopes, the app's lines would otherwise print a second time through the host.
                filters.Rules.Add(new LoggerFilterRule(HostChannelProvider, AppCategories, LogLevel.None, filter: null));
            });
        }

        return builder;
    }

    private static string? Setting(IConfiguration configuration, string name) => configuration[name.Replace("__", ":", StringComparison.Ordinal)];

    /// <summary>The credential an authentication string such as <c>ClientId=…;Authorization=AAD</c> names; none without one.</summary>
    internal static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
