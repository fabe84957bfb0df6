using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Regrading;

/// <summary>A route naming one run.</summary>
public sealed class RunInput : HttpInput
{
    [FromRoute(Name = "id")]
    public RunId Id { get; init; }
}
