using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>A list of the latest records (runs, ingestions), newest first.</summary>
public sealed class RecentInput : HttpInput
{
    [FromQuery(Name = "top")]
    [Range(1, 500, ErrorMessage = "top is a whole number from 1 to 500.")]
    public int Top { get; init; } = 50;
}
