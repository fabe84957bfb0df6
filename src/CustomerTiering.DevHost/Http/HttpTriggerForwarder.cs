using System.Diagnostics;
using System.Net;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;
using CustomerTiering.DevHost.Rpc;
using CustomerTiering.DevHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace CustomerTiering.DevHost.Http;

/// <summary>
/// Plays the Functions host's HTTP front door for the ASP.NET Core integration: matches the request to an
/// <c>httpTrigger</c> function by route and method, checks its key, then invokes the function over gRPC and, with the
/// same invocation id in <c>x-ms-invocation-id</c>, forwards the request to the worker's own HTTP endpoint, streaming
/// both bodies. The worker pairs the two and answers the request itself.
/// </summary>
public sealed class HttpTriggerForwarder : IDisposable
{
    /// <summary>The header the worker's ASP.NET Core integration correlates a request with its invocation by.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly IReadOnlyList<HttpFunctionRoute> _routes;
    private readonly FunctionKeys _keys;
    private readonly WorkerProcess _worker;
    private readonly InvocationClient _invocations;
    private readonly IHttpForwarder _forwarder;
    private readonly ILogger<HttpTriggerForwarder> _logger;
    private readonly HttpMessageInvoker _client;
    private readonly ForwarderRequestConfig _requestConfig;

    public HttpTriggerForwarder(
        FunctionAppDefinition app, FunctionKeys keys, WorkerProcess worker, InvocationClient invocations, IHttpForwarder forwarder, ILogger<HttpTriggerForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        _routes = [.. app.Functions
            .Where(f => BindingTypes.Is(f.Trigger, BindingTypes.HttpTrigger))
            .Select(f => new HttpFunctionRoute(f, app.Host.RoutePrefix))
            .OrderBy(r => r.Precedence)];
        _keys = keys;
        _worker = worker;
        _invocations = invocations;
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
        RouteValueDictionary values = [];
        var route = _routes.FirstOrDefault(r => r.TryMatch(context.Request.Path, context.Request.Method, out values));
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
            await ForwardAsync(context, route.Function, values);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.HttpInvocation(_logger, context.Request.Method, context.Request.Path.Value ?? "", route.Function.Name, context.Response.StatusCode, elapsed);
    }

    public void Dispose() => _client.Dispose();

    private async Task ForwardAsync(HttpContext context, FunctionDefinition function, RouteValueDictionary values)
    {
        WorkerChannel channel;
        try
        {
            channel = await _worker.WaitUntilReadyAsync(context.RequestAborted);
        }
        catch (WorkerUnavailableException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (channel.HttpUri is not { } workerUri)
        {
            // A worker without the ASP.NET Core integration cannot take a forwarded request.
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var (input, metadata) = Describe(context.Request, values);
        var invocation = _invocations.InvokeAsync(channel, function, invocationId, input, metadata, CancellationToken.None);
        context.Request.Headers[InvocationIdHeader] = invocationId;
        var error = await _forwarder.SendAsync(context, workerUri.ToString(), _client, _requestConfig, HttpTransformer.Empty);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }

        await invocation;
    }

    /// <summary>
    /// The trigger's data as the host sends it alongside a forwarded request: the request line and the route values.
    /// Headers, query and body travel over HTTP only: the worker declares <c>RpcHttpTriggerMetadataRemoved</c> and
    /// <c>RpcHttpBodyOnly</c>, and reads the request it is forwarded.
    /// </summary>
    private static (TypedData Input, Dictionary<string, TypedData> Metadata) Describe(HttpRequest request, RouteValueDictionary values)
    {
        var http = new RpcHttp { Method = request.Method, Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}" };
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            http.Params[name] = text;
            metadata[name] = new TypedData { String = text };
        }

        return (new TypedData { Http = http }, metadata);
    }
}
