using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary><c>GET /api/movements</c>: the customers whose tier changed, one way or both, into a tier or any.</summary>
public sealed class MovementListInput : GradeListInput
{
    [FromQuery(Name = "direction")]
    [RegularExpression("^(?i:up|down)$", ErrorMessage = "direction is one of up, down.")]
    public string? Direction { get; init; }

    [FromQuery(Name = "tier")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "tier is 1 to 64 characters.")]
    public string? Tier { get; init; }
}
