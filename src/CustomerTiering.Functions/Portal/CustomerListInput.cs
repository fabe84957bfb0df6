using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary><c>GET /api/customers</c>: the filters, and an owner among them.</summary>
public sealed class CustomerListInput : CustomerFilterInput
{
    /// <summary>An owner, or <c>none</c>: the customers whose tier's playbook wants a dedicated manager and who have none.</summary>
    [FromQuery(Name = "owner")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "owner is 1 to 64 characters.")]
    public string? Owner { get; init; }
}
