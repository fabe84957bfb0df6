using System.Diagnostics;
using System.Net;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Handler;
using CustomerTiering.DevHost.Invocations;
using Yarp.ReverseProxy.Forwarder;

namespace CustomerTiering.DevHost.Http;

/// <summary>
/// Plays the Functions host's HTTP front door: matches the request to an <c>httpTrigger</c> function by route and method,
/// checks its key, and forwards it as-is to the handler (<c>enableForwardingHttpRequest</c>), streaming both bodies.
/// </summary>
public sealed class HttpTriggerForwarder : IDisposable
{
    private readonly IReadOnlyList<HttpFunctionRoute> _routes;
    private readonly FunctionKeys _keys;
    private readonly HandlerProcess _handler;
    private readonly IHttpForwarder _forwarder;
    private readonly ILogger<HttpTriggerForwarder> _logger;
    private readonly HttpMessageInvoker _client;
    private readonly ForwarderRequestConfig _requestConfig;

    public HttpTriggerForwarder(FunctionAppDefinition app, FunctionKeys keys, HandlerProcess handler, IHttpForwarder forwarder, ILogger<HttpTriggerForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        _routes = [.. app.Functions
            .Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger))
            .Select(f => new HttpFunctionRoute(f, app.Host.RoutePrefix))
            .OrderBy(r => r.Precedence)];
        _keys = keys;
        _handler = handler;
        _forwarder = forwarder;
        _logger = logger;
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        _requestConfig = new ForwarderRequestConfig { ActivityTimeout = app.Host.FunctionTimeout };
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var route = _routes.FirstOrDefault(r => r.Matches(context.Request.Path, context.Request.Method));
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (_keys.Check(context.Request, route.AuthLevel) is { } refusal)
        {
            context.Response.StatusCode = refusal;
        }
        else
        {
            await ForwardAsync(context);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.HttpInvocation(_logger, context.Request.Method, context.Request.Path.Value ?? "", route.Function.Name, context.Response.StatusCode, elapsed);
    }

    public void Dispose() => _client.Dispose();

    private async Task ForwardAsync(HttpContext context)
    {
        Uri baseAddress;
        try
        {
            baseAddress = await _handler.WaitUntilReadyAsync(context.RequestAborted);
        }
        catch (HandlerUnavailableException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Request.Headers[InvocationClient.InvocationIdHeader] = Guid.NewGuid().ToString();
        var error = await _forwarder.SendAsync(context, baseAddress.ToString(), _client, _requestConfig, HttpTransformer.Empty);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }
}
