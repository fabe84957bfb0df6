namespace CustomerTiering.Functions.Dashboard;

/// <summary>Describes the dashboard's route for OpenAPI, like the API's handlers (see <c>ApiReference</c>).</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/dashboard/{*file}", (HttpContext context, string? file, DashboardAssets assets) => assets.Serve(context, file))
            .WithName("GetDashboard")
            .WithSummary("The dashboard: its page (no file), dashboard.js or dashboard.css. Anonymous; the page asks for a function key.")
            .Produces<string>(200, "text/html", "text/javascript", "text/css").Produces(304).ProducesProblem(404);
        return endpoints;
    }
}
