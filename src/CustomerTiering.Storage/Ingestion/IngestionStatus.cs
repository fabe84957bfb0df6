namespace CustomerTiering.Storage.Ingestion;

/// <summary>Where an uploaded file stands.</summary>
public enum IngestionStatus
{
    Queued,
    Running,
    Succeeded,

    /// <summary>Applied, but some rows were rejected (within the allowed share).</summary>
    PartiallySucceeded,

    /// <summary>Nothing applied: unreadable, or too many bad rows.</summary>
    Rejected,

    /// <summary>Gave up after retries on an unexpected error; the message is in the poison queue.</summary>
    Failed,
}
