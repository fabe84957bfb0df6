using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary><c>GET /api/tiers/summary</c>: the whole book's summary, or, for a run graded within groups, one group's.</summary>
public sealed class SummaryInput : PeriodInput
{
    [FromQuery(Name = "group")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "group is 1 to 64 characters.")]
    public string? Group { get; init; }
}
