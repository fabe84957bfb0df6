namespace CustomerTiering.Domain.Grading;

/// <summary>How the tier changed from the previous period.</summary>
public enum TierMovement : byte
{
    /// <summary>Not graded in the previous period.</summary>
    New,
    Up,
    Same,
    Down,
}
