using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// The dashboard, anonymous like the API reference: the page holds no data, and asks the person to sign in before it
/// reads any (see <c>dashboard/</c>).
/// </summary>
public sealed class DashboardEndpoint(DashboardAssets assets)
{
    [Function("GetDashboard")]
    [CallableByAnyone]
    [EndpointSummary("The dashboard: its page (no file), dashboard.js, dashboard.css, or sign-in.json (how it signs people in). Anonymous; the page asks the person to sign in.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html", "text/javascript", "text/css", "application/json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public Results<FileContentHttpResult, NotFoundProblem> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*file}")] HttpRequest request, string? file) =>
        assets.Serve(request.HttpContext, file);
}
