namespace CustomerTiering.Exports.Records;

/// <summary>What reading a file came to, as its report says and as a preview foresees.</summary>
public enum IngestionOutcome
{
    /// <summary>Every row applied.</summary>
    Succeeded,

    /// <summary>Applied, but some rows were rejected (within the allowed share).</summary>
    PartiallySucceeded,

    /// <summary>Nothing applied: unreadable, or too many bad rows.</summary>
    Rejected,
}
