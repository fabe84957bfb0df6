using CustomerTiering.Storage;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// Errors of HTTP functions as problem+json. Storage being away is 503 with Retry-After: the caller (the portal) can tell
/// "try again shortly" from a bug, and nothing was changed. Any other exception is 500, and stays the invocation's
/// failure for the host and telemetry. Without this, a function that throws leaves the forwarded request to complete
/// as an empty 200. Other triggers keep their exceptions, so that their host retries them.
/// </summary>
public sealed class HttpErrorMiddleware(ILogger<HttpErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const int RetryAfterSeconds = 10;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StorageOutage.Is(ex) && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            Log.StorageUnavailable(logger, context.FunctionDefinition.Name, ex);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: $"The app's storage did not answer; nothing was changed. Try again in {RetryAfterSeconds} seconds.").ExecuteAsync(http);
        }
        catch (Exception) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error",
                detail: $"The error is logged with invocation id {context.InvocationId}.").ExecuteAsync(http);
            throw;
        }
    }
}
