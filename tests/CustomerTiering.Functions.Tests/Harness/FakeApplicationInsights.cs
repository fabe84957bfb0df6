using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Application Insights' ingestion endpoint, as the worker's exporter sees it: takes every batch of telemetry (gzip or
/// not) and keeps its text, so a test reads exactly what would have been exported.
/// </summary>
internal sealed class FakeApplicationInsights : IAsyncDisposable
{
    private readonly List<string> _batches = [];
    private WebApplication _app = null!;

    /// <summary>A connection string whose ingestion and live metrics endpoints are this one.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Everything received so far, one batch after the other.</summary>
    public string Received
    {
        get
        {
            lock (_batches)
            {
                return string.Join("\n", _batches);
            }
        }
    }

    /// <summary>True once an item of <paramref name="type"/> (Message, RemoteDependency, Request) stamped after <paramref name="moment"/> came.</summary>
    public bool HasItemAfter(string type, DateTimeOffset moment) =>
        Received.Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)
            .Any(item => item.GetProperty("name").GetString() == type && item.GetProperty("time").GetDateTimeOffset() > moment);

    public static async Task<FakeApplicationInsights> StartAsync()
    {
        var fake = new FakeApplicationInsights();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        fake._app = builder.Build();
        fake._app.Run(fake.ReceiveAsync);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        fake.ConnectionString = $"InstrumentationKey=00000000-0000-4000-8000-00000000FA4E;IngestionEndpoint={address}/;LiveEndpoint={address}/";
        return fake;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        Stream body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        lock (_batches)
        {
            _batches.Add($"{context.Request.Method} {context.Request.Path}\n{text}");
        }

        var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"itemsReceived":{{items}},"itemsAccepted":{{items}},"errors":[]}""");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
