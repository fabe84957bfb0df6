using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Policies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Forecasting;

/// <summary>
/// How well the forecast would have predicted the months after a past date, fitted on the history before it, with the
/// current policy's forecast settings. Reads every customer's orders, partition by partition, keeping a few figures per
/// customer: an administrator's check, answered while they wait (seconds for a hundred thousand customers).
/// </summary>
public sealed class BacktestEndpoints(CustomerHistoryReader histories, PolicyStore policies, TimeProvider clock)
{
    [Function("RunBacktest")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<BacktestReport>, RefusedRequest>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/backtest")] HttpRequest request,
        [AsParameters] BacktestInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var policy = (await policies.CurrentAsync(cancellationToken)).Forecast;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = input.HorizonMonths ?? policy.HorizonMonths;
        var split = input.Split!.Value;
        if (split.AddMonths(horizon) > today)
        {
            return RefusedRequest.Invalid("split",
                $"the {horizon} months after {split:yyyy-MM-dd} have not all passed: pick a split on or before {today.AddMonths(-horizon):yyyy-MM-dd}.");
        }

        var observed = await histories.ObserveAllAsync(history => Backtest.Observe(history.Orders, split, horizon), parallelism: 8, cancellationToken);
        return TypedResults.Ok(Backtest.Report(observed, split, horizon, policy));
    }
}
