using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Storage that throttles: a reverse proxy in front of each of Azurite's services that answers a share of requests
/// with 503 Server Busy (as Azure Storage does under load) and forwards the rest. Seeded, so a failing run can be
/// replayed; the share can change while it runs.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly List<WebApplication> _proxies = [];
    private readonly Random _random;
    private long _faults;
    private long _requests;

    private FaultProxy(int seed) => _random = new Random(seed);

    /// <summary>The share of requests answered 503, from 0 to 1.</summary>
    public double FaultRate { get; set; }

    public long Faults => Interlocked.Read(ref _faults);

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Azurite's connection string with every endpoint pointing at the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<FaultProxy> StartAsync(string azuriteConnectionString, int seed)
    {
        var proxy = new FaultProxy(seed);
        var connectionString = azuriteConnectionString;
        foreach (Match endpoint in Endpoint().Matches(azuriteConnectionString))
        {
            var target = endpoint.Groups["origin"].Value;
            var origin = await proxy.ListenAsync(target);
            connectionString = connectionString.Replace(target + "/", origin + "/", StringComparison.Ordinal);
        }

        proxy.ConnectionString = connectionString;
        return proxy;
    }

    private async Task<string> ListenAsync(string target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            bool fault;
            lock (_random)
            {
                fault = _random.NextDouble() < FaultRate;
            }

            if (fault)
            {
                Interlocked.Increment(ref _faults);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers["x-ms-error-code"] = "ServerBusy";
                return;
            }

            await next(context);
        });
        app.MapForwarder("/{**path}", target);
        await app.StartAsync();
        _proxies.Add(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _proxies)
        {
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"(Blob|Queue|Table)Endpoint=(?<origin>http://[^/;]+)/")]
    private static partial Regex Endpoint();
}
