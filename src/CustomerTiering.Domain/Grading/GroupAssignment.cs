namespace CustomerTiering.Domain.Grading;

/// <summary>For a run graded within groups: each group's name and tier cuts, and the group of every customer (an index into both).</summary>
internal sealed record GroupAssignment(IReadOnlyList<string> Names, int[] GroupOf, IReadOnlyList<IReadOnlyList<TierCut>> Cuts);
