using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>The sales portal's reads as HTTP functions; the work is in <see cref="PortalEndpoints"/>.</summary>
public sealed class PortalFunctions(PeriodDirectory periods, GradeStore grades, RunSummaries summaries, PolicyVersions policies)
{
    [Function("GetCustomer")]
    public Task<IResult> GetCustomerAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        PortalEndpoints.GetCustomerAsync(id, request.Query["period"], request.HttpContext, periods, grades, policies, cancellationToken);

    [Function("GetCustomerHistory")]
    public Task<IResult> GetHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{id}/history")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        PortalEndpoints.GetHistoryAsync(id, request.HttpContext, periods, grades, cancellationToken);

    [Function("ListCustomers")]
    public Task<IResult> ListCustomersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers")] HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        return PortalEndpoints.ListCustomersAsync(request.HttpContext, periods, grades, query["period"], query["tier"], query["segment"], query["abc"],
            query["lifecycle"], query["owner"], query["region"], query["risingStar"], query["credit"], query["pageSize"], query["continuationToken"], cancellationToken);
    }

    [Function("ListMovements")]
    public Task<IResult> ListMovementsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "movements")] HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        return PortalEndpoints.ListMovementsAsync(request.HttpContext, periods, grades, query["period"], query["direction"], query["tier"],
            query["pageSize"], query["continuationToken"], cancellationToken);
    }

    [Function("GetTierSummary")]
    public Task<IResult> GetSummaryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tiers/summary")] HttpRequest request, CancellationToken cancellationToken) =>
        PortalEndpoints.GetSummaryAsync(request.Query["period"], request.Query["group"], request.HttpContext, periods, summaries, cancellationToken);

    [Function("ListPeriods")]
    public Task<IResult> ListPeriodsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "periods")] HttpRequest request, CancellationToken cancellationToken) =>
        PortalEndpoints.ListPeriodsAsync(periods, cancellationToken);
}
