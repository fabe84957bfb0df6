namespace CustomerTiering.Functions;

/// <summary>Every log line the handler writes, source-generated. Ids only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not create the app's storage containers, queues and tables")]
    public static partial void ProvisioningFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected invocation of {FunctionName}: {Reason}")]
    public static partial void InvocationRejected(ILogger logger, string functionName, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Export {BlobName} no longer exists; nothing to ingest")]
    public static partial void ExportGone(ILogger logger, string blobName);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Export {BlobName} was overwritten since this event; the newer version is ingested on its own event")]
    public static partial void ExportSuperseded(ILogger logger, string blobName);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Ingestion {IngestionId} already finished ({Status}); event ignored")]
    public static partial void AlreadyIngested(ILogger logger, string ingestionId, Storage.Ingestion.IngestionStatus status);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Ingestion {IngestionId} started")]
    public static partial void IngestionStarted(ILogger logger, string ingestionId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Ingestion {IngestionId} {Status}: {Rows} rows, {Rejected} rejected, {Written} written")]
    public static partial void IngestionFinished(ILogger logger, string ingestionId, Storage.Ingestion.IngestionStatus status, long rows, long rejected, long written);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "Ingestion {IngestionId} failed on its last attempt")]
    public static partial void IngestionFailed(ILogger logger, string ingestionId, Exception exception);
}
