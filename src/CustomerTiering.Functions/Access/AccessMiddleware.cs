using System.Globalization;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Access;

/// <summary>
/// Lets an HTTP request reach its function only when the function's declaration allows the caller: anyone, or a bearer
/// token that the JWT handler validates (signature against the issuer's published keys, issuer, audience, lifetime) and
/// whose roles include one the function names. No token or a bad one is 401, a good token without the role 403, both
/// before the function runs. HTTP functions are anonymous to the host: neither a function key nor the master key opens
/// them, and no header a caller can set (<c>X-MS-CLIENT-PRINCIPAL*</c>) is read.
/// </summary>
public sealed class AccessMiddleware(EndpointAccess access, IOptionsMonitor<JwtBearerOptions> jwt, ILogger<AccessMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http || access.RolesFor(context.FunctionDefinition.Name) is not { } roles)
        {
            await next(context);
            return;
        }

        var function = context.FunctionDefinition.Name;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal || Caller.From(principal) is not { } caller)
        {
            if (result.Failure is not null && await IssuerUnreachableAsync(http.RequestAborted) is { } unreachable)
            {
                // Not the token's fault: the issuer's metadata and keys could not be read. Signing in again would not help.
                Log.IssuerUnavailable(logger, function, unreachable);
                http.Response.Headers.RetryAfter = HttpErrorMiddleware.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Sign-in unavailable",
                    detail: $"The token issuer's keys could not be read to check the token. Try again in {HttpErrorMiddleware.RetryAfterSeconds} seconds.").ExecuteAsync(http);
                return;
            }

            Log.TokenRefused(logger, function, result.Failure);
            // RFC 6750: a request without a token gets the bare challenge; one with a bad token learns it is invalid.
            http.Response.Headers.WWWAuthenticate = result.None ? "Bearer" : "Bearer error=\"invalid_token\"";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Send a valid access token for this API in the Authorization header (Bearer).").ExecuteAsync(http);
            return;
        }

        if (!roles.Any(caller.Holds))
        {
            Log.RoleRefused(logger, function, caller.ObjectId, roles);
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: $"This needs one of the app roles {string.Join(", ", roles)}; ask an administrator to assign one.").ExecuteAsync(http);
            return;
        }

        http.User = principal;
        http.Features.Set(caller);
        await next(context);
    }

    /// <summary>Why the issuer's metadata cannot be had, or null when it can (cached, it costs nothing).</summary>
    private async Task<Exception?> IssuerUnreachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            return ex;
        }
    }
}
