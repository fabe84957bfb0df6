using System.Globalization;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Policies;

namespace CustomerTiering.Functions.Forecasting;

/// <summary>
/// <c>POST /api/manage/backtest?split=yyyy-MM-dd&amp;horizonMonths=</c>: how well the forecast would have predicted the
/// months after a past date, fitted on the history before it, with the current policy's forecast settings. Reads every
/// customer's orders, partition by partition, keeping a few figures per customer: an administrator's check, answered
/// while they wait (seconds for a hundred thousand customers).
/// </summary>
public static class BacktestEndpoints
{
    public static IEndpointRouteBuilder MapBacktest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/manage/backtest", RunAsync).WithName("RunBacktest")
            .Produces<BacktestReport>().ProducesValidationProblem();
        return endpoints;
    }

    internal static async Task<IResult> RunAsync(
        string? split, string? horizonMonths, CustomerHistoryReader histories, PolicyStore policies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var policy = (await policies.CurrentAsync(cancellationToken)).Forecast;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = policy.HorizonMonths;
        if (horizonMonths is not null && (!int.TryParse(horizonMonths, NumberStyles.None, CultureInfo.InvariantCulture, out horizon) || horizon is < 1 or > 60))
        {
            errors["horizonMonths"] = ["must be a whole number of months from 1 to 60"];
        }

        if (!DateOnly.TryParseExact(split, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var splitDate))
        {
            errors["split"] = ["required, as yyyy-MM-dd: the day the history the models learn from ends"];
        }
        else if (errors.Count == 0 && splitDate.AddMonths(horizon) > today)
        {
            errors["split"] = [$"the {horizon} months after {splitDate:yyyy-MM-dd} have not all passed: pick a split on or before {today.AddMonths(-horizon):yyyy-MM-dd}"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var observed = await histories.ObserveAllAsync(history => Backtest.Observe(history.Orders, splitDate, horizon), parallelism: 8, cancellationToken);
        return Results.Ok(Backtest.Report(observed, splitDate, horizon, policy));
    }
}
