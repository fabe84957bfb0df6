using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Owners;

/// <summary>A route naming an owner of the directory, as exports write it; one with '/' in it arrives encoded.</summary>
public class OwnerInput : HttpInput
{
    [FromRoute(Name = "owner")]
    public CustomerRouteId Owner { get; init; }
}
