using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>A page of a period's grades: its size, and the token the previous page gave.</summary>
public class GradeListInput : PeriodInput
{
    public const int MaxPageSize = 100;

    [FromQuery(Name = "pageSize")]
    [Range(1, MaxPageSize, ErrorMessage = "pageSize is a whole number from 1 to 100.")]
    public int PageSize { get; init; } = 50;

    /// <summary>json (a page, the default), or csv or xlsx: the whole list as a file to download (<c>Accept</c> may ask too).</summary>
    [FromQuery(Name = "format")]
    public Http.ListFormat? Format { get; init; }

    [FromQuery(Name = "continuationToken")]
    [StringLength(1024, ErrorMessage = "continuationToken is one this list gave: at most 1 024 characters.")]
    public string? ContinuationToken { get; init; }
}
