namespace CustomerTiering.Domain.Grading;

/// <summary>The summary of one group of a run graded within groups: as if the run had graded that group alone.</summary>
public sealed record GroupSummary(string Group, GradingSummary Summary)
{
    /// <summary>The group of customers without a region, channel or owner.</summary>
    public const string NoGroup = "(none)";
}
