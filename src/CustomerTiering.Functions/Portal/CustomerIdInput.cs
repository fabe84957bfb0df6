using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>A route naming one customer; an id with '/' in it arrives encoded.</summary>
public class CustomerIdInput : HttpInput
{
    [FromRoute(Name = "id")]
    public CustomerRouteId Id { get; init; }
}
