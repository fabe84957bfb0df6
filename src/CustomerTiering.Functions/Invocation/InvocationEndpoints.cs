namespace CustomerTiering.Functions.Invocation;

/// <summary>Maps a non-HTTP function to <c>POST /{FunctionName}</c>, the route the Functions host invokes.</summary>
public static class InvocationEndpoints
{
    // A trigger payload carries names and metadata, never a file: anything larger is not from the host.
    private const int MaxInvocationBytes = 4 * 1024 * 1024;

    public static RouteHandlerBuilder MapInvocation(
        this IEndpointRouteBuilder endpoints,
        string functionName,
        Func<InvocationRequest, IServiceProvider, CancellationToken, Task<InvocationResponse>> function)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(function);
        return endpoints.MapPost("/" + functionName, async (HttpContext context, ILoggerFactory loggers) =>
        {
            InvocationRequest request;
            try
            {
                request = InvocationRequest.Parse(await ReadBodyAsync(context.Request, context.RequestAborted));
                var response = await function(request, context.RequestServices, context.RequestAborted);
                return Results.Json(response, InvocationJson.Options);
            }
            catch (InvalidInvocationException ex)
            {
                Log.InvocationRejected(loggers.CreateLogger(typeof(InvocationEndpoints)), functionName, ex.Message);
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid invocation request", detail: ex.Message);
            }
        }).ExcludeFromDescription();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxInvocationBytes)
        {
            throw new InvalidInvocationException($"The invocation body is larger than {MaxInvocationBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxInvocationBytes)
            {
                throw new InvalidInvocationException($"The invocation body is larger than {MaxInvocationBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
