using CustomerTiering.Domain.Grading;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The sales team's workload: every owner with customers and revenue per tier, and an owner's book (the customer list
/// narrowed to one owner). The functions in <see cref="OwnerFunctions"/> call these; <see cref="MapOwners"/> describes them.
/// </summary>
public static class OwnerEndpoints
{
    public static IEndpointRouteBuilder MapOwners(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/owners", ListOwnersAsync).WithName("ListOwners")
            .Produces<OwnersView>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/owners/{owner}/customers", ListBookAsync).WithName("ListOwnerCustomers")
            .Produces<GradePage>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        return endpoints;
    }

    internal static async Task<IResult> ListOwnersAsync(string? period, HttpContext context, PeriodDirectory periods, RunSummaries summaries, CancellationToken cancellationToken)
    {
        var lookup = await periods.FindAsync(period, cancellationToken);
        if (lookup.IsInvalid)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["period is a month, yyyy-MM."] });
        }

        if (lookup.Period is not { } found)
        {
            return Results.Problem(statusCode: 404, title: "Unknown period", detail: period is null ? "No period has been graded yet." : $"Period {period} has not been graded.");
        }

        return await HttpCaching.ConditionalAsync(context, $"owners|{found.RunId}", lookup.IsCurrent, null, async () =>
        {
            var summary = await summaries.GetAsync(found.RunId, cancellationToken)
                ?? throw new InvalidOperationException($"Run {found.RunId} is committed without a summary.");
            var owners = summary.Owners ?? OwnerSummary.Empty;
            return Results.Ok(new OwnersView(found.Period, found.RunId, owners.Owners, owners.WithoutOwner));
        });
    }

    /// <summary>The owner's customers, with the customer list's filters and paging; an owner with '/' in the name arrives with it encoded.</summary>
    internal static Task<IResult> ListBookAsync(
        string owner, HttpContext context, PeriodDirectory periods, GradeStore grades, string? period, string? tier, string? segment, string? abc,
        string? lifecycle, string? region, string? risingStar, string? credit, string? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PortalEndpoints.ListCustomersAsync(context, periods, grades, period, tier, segment, abc, lifecycle, CustomerRouteId.Decode(owner), region, risingStar, credit,
            pageSize, continuationToken, cancellationToken);
}
