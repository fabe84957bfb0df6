using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary>A route naming the customer whose override is read or changed; an id with '/' in it arrives encoded.</summary>
public class OverrideInput : HttpInput
{
    [FromRoute(Name = "customerId")]
    public CustomerRouteId CustomerId { get; init; }
}
