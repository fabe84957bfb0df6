namespace CustomerTiering.Functions.Dashboard;

/// <summary>
/// The dashboard, anonymous like the API reference: the page holds no data, and asks for a function key before it
/// reads any (see <c>dashboard/</c>).
/// </summary>
public sealed class DashboardFunctions(DashboardAssets assets)
{
    [Function("GetDashboard")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*file}")] HttpRequest request, string? file) =>
        assets.Serve(request.HttpContext, file);
}
