using System.Text.Json;

namespace CustomerTiering.Functions.Regrading;

/// <summary>The body of <c>POST /api/manage/regrade</c>; every field may be left out.</summary>
public sealed record RegradeRequestBody
{
    /// <summary>The month to grade (yyyy-MM); default the month that just ended.</summary>
    public string? Period { get; init; }

    /// <summary>The as-of date (yyyy-MM-dd) inside the period; default its last day.</summary>
    public string? AsOf { get; init; }

    /// <summary>A stored policy version; default the current policy.</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>A draft policy to try, with <see cref="DryRun"/> only.</summary>
    public JsonElement? Policy { get; init; }

    /// <summary>Grade and summarise, compared with the current period, but write nothing readers see.</summary>
    public bool DryRun { get; init; }

    public int? Shards { get; init; }
}
