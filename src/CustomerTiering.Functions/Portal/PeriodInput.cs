using CustomerTiering.Domain.Periods;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>A read of one graded period: the one asked for, else the current one.</summary>
public class PeriodInput : HttpInput
{
    [FromQuery(Name = "period")]
    public GradingPeriod? Period { get; init; }
}
