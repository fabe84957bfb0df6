using System.ComponentModel.DataAnnotations;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Forecasting;

/// <summary><c>POST /api/manage/backtest</c>: where the history the models learn from ends, and how far they predict.</summary>
public sealed class BacktestInput : HttpInput
{
    [FromQuery(Name = "split")]
    [Required(ErrorMessage = "split is required, as yyyy-MM-dd: the day the history the models learn from ends.")]
    public DateOnly? Split { get; init; }

    /// <summary>Months to predict; the current policy's forecast horizon without it.</summary>
    [FromQuery(Name = "horizonMonths")]
    [Range(1, 60, ErrorMessage = "horizonMonths is a whole number of months from 1 to 60.")]
    public int? HorizonMonths { get; init; }
}
