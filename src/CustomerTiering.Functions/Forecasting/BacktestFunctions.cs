using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Policies;

namespace CustomerTiering.Functions.Forecasting;

/// <summary>The forecast's backtest, for administrators; served by <see cref="BacktestEndpoints"/>.</summary>
public sealed class BacktestFunctions(CustomerHistoryReader histories, PolicyStore policies, TimeProvider clock)
{
    [Function("RunBacktest")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "manage/backtest")] HttpRequest request, CancellationToken cancellationToken) =>
        BacktestEndpoints.RunAsync(request.Query["split"], request.Query["horizonMonths"], histories, policies, clock, cancellationToken);
}
