using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// The dashboard, anonymous like the API reference: the page holds no data, and asks for a function key before it
/// reads any (see <c>dashboard/</c>).
/// </summary>
public sealed class DashboardEndpoint(DashboardAssets assets)
{
    [Function("GetDashboard")]
    [EndpointSummary("The dashboard: its page (no file), dashboard.js or dashboard.css. Anonymous; the page asks for a function key.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html", "text/javascript", "text/css")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public Results<FileContentHttpResult, NotFoundProblem> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*file}")] HttpRequest request, string? file) =>
        assets.Serve(request.HttpContext, file);
}
