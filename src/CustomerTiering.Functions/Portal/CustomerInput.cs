using CustomerTiering.Domain.Periods;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary><c>GET /api/customers/{id}</c>: the customer, in the period asked for or the current one.</summary>
public sealed class CustomerInput : CustomerIdInput
{
    [FromQuery(Name = "period")]
    public GradingPeriod? Period { get; init; }
}
