using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary><c>GET /api/owners/{owner}/customers</c>: the customer list's filters within one owner's book.</summary>
public sealed class OwnerBookInput : CustomerFilterInput
{
    /// <summary>The owner's name; one with '/' in it arrives encoded.</summary>
    [FromRoute(Name = "owner")]
    public CustomerRouteId Owner { get; init; }
}
