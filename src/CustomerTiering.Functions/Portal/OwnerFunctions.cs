using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>The owners' reads as HTTP functions; the work is in <see cref="OwnerEndpoints"/>.</summary>
public sealed class OwnerFunctions(PeriodDirectory periods, GradeStore grades, RunSummaries summaries)
{
    [Function("ListOwners")]
    public Task<IResult> ListOwnersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "owners")] HttpRequest request, CancellationToken cancellationToken) =>
        OwnerEndpoints.ListOwnersAsync(request.Query["period"], request.HttpContext, periods, summaries, cancellationToken);

    [Function("ListOwnerCustomers")]
    public Task<IResult> ListBookAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "owners/{owner}/customers")] HttpRequest request, string owner, CancellationToken cancellationToken)
    {
        var query = request.Query;
        return OwnerEndpoints.ListBookAsync(owner, request.HttpContext, periods, grades, query["period"], query["tier"], query["segment"], query["abc"],
            query["lifecycle"], query["region"], query["risingStar"], query["credit"], query["pageSize"], query["continuationToken"], cancellationToken);
    }
}
