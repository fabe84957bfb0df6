using System.ComponentModel.DataAnnotations;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Storage.Grades;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>The customer list's filters, each optional; an owner's book has them all but the owner.</summary>
public class CustomerFilterInput : GradeListInput
{
    /// <summary>The filter value of <c>owner</c> and <c>credit</c> that asks for customers without one.</summary>
    public const string None = "none";

    [FromQuery(Name = "tier")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "tier is 1 to 64 characters.")]
    public string? Tier { get; init; }

    [FromQuery(Name = "segment")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "segment is 1 to 64 characters.")]
    public string? Segment { get; init; }

    [FromQuery(Name = "abc")]
    [RegularExpression("^[AaBbCc]$", ErrorMessage = "abc is one of A, B, C.")]
    public string? Abc { get; init; }

    [FromQuery(Name = "lifecycle")]
    public LifecycleStage? Lifecycle { get; init; }

    [FromQuery(Name = "region")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "region is 1 to 64 characters.")]
    public string? Region { get; init; }

    [FromQuery(Name = "risingStar")]
    public bool? RisingStar { get; init; }

    /// <summary>A credit grade, or <c>none</c> for the customers without a credit history.</summary>
    [FromQuery(Name = "credit")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "credit is 1 to 64 characters.")]
    public string? Credit { get; init; }

    /// <summary>The filter these ask for, within <paramref name="owner"/>'s book when one is given.</summary>
    public GradeFilter Filter(string? owner, bool needsOwner) => new()
    {
        Tier = Tier,
        Segment = Segment,
        Abc = Abc?.ToUpperInvariant(),
        Lifecycle = Lifecycle?.ToString(),
        Owner = owner,
        NeedsOwner = needsOwner,
        Region = Region,
        RisingStar = RisingStar,
        CreditGrade = Credit == None ? CreditSummary.NoHistory : Credit,
    };
}
