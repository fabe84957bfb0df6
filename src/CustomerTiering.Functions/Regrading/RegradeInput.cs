using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Regrading;

/// <summary>What <c>POST /api/manage/regrade</c> reads: an optional body; no body grades the month that just ended.</summary>
public sealed class RegradeInput : HttpInput
{
    [FromBody]
    public RegradeRequestBody? Body { get; init; }
}
