namespace CustomerTiering.Functions;

/// <summary>Every log line the worker's own code writes, source-generated. Ids only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not create the app's storage containers, queues and tables")]
    public static partial void ProvisioningFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Function} answered 503: storage did not answer")]
    public static partial void StorageUnavailable(ILogger logger, string function, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The host that started this worker (process {ProcessId}) is gone; stopping")]
    public static partial void ParentGone(ILogger logger, int processId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ignored blob {BlobName}: {Reason}")]
    public static partial void BlobIgnored(ILogger logger, string blobName, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Export {BlobName} no longer exists; nothing to ingest")]
    public static partial void ExportGone(ILogger logger, string blobName);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Ingestion {IngestionId} already finished ({Status}); event ignored")]
    public static partial void AlreadyIngested(ILogger logger, string ingestionId, Storage.Ingestion.IngestionStatus status);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Ingestion {IngestionId} started")]
    public static partial void IngestionStarted(ILogger logger, string ingestionId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Ingestion {IngestionId} {Status}: {Rows} rows, {Rejected} rejected, {Written} written")]
    public static partial void IngestionFinished(ILogger logger, string ingestionId, Storage.Ingestion.IngestionStatus status, long rows, long rejected, long written);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "Ingestion {IngestionId} failed on its last attempt")]
    public static partial void IngestionFailed(ILogger logger, string ingestionId, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Run {RunId} of {Period} started with policy {PolicyVersion} over {Shards} shards (dry run: {DryRun})")]
    public static partial void RunStarted(ILogger logger, string runId, string period, string policyVersion, int shards, bool dryRun);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Run {RunId} resumed in {Status}")]
    public static partial void RunResumed(ILogger logger, string runId, Storage.Runs.RunStatus status);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Run {RunId} failed on its last attempt")]
    public static partial void RunFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "The regrade lock of run {RunId}, which is over, was broken")]
    public static partial void StaleLockBroken(ILogger logger, string runId);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "Run {RunId} waits to measure: {Ingestions} ingestion(s) are writing")]
    public static partial void WaitingForExportWrites(ILogger logger, string runId, int ingestions);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Ingestion {IngestionId} waited for run {RunId} to finish measuring before it wrote")]
    public static partial void WaitedForRun(ILogger logger, string ingestionId, string runId);

    [LoggerMessage(EventId = 35, Level = LogLevel.Warning, Message = "Ingestion {IngestionId} could not take its write marker down; it goes stale in 2 minutes")]
    public static partial void GateNotLeft(ILogger logger, string ingestionId, Exception exception);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Ignored {Phase} of shard {Shard} of run {RunId} (run status: {Status})")]
    public static partial void ShardWorkIgnored(ILogger logger, string runId, Regrading.ShardPhase phase, int shard, Storage.Runs.RunStatus? status);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Run {RunId}: shard {Shard} measured {Customers} customers")]
    public static partial void ShardMeasured(ILogger logger, string runId, int shard, int customers);

    [LoggerMessage(EventId = 26, Level = LogLevel.Information, Message = "Run {RunId}: shard {Shard} wrote {Rows} grades")]
    public static partial void ShardWritten(ILogger logger, string runId, int shard, long rows);

    [LoggerMessage(EventId = 27, Level = LogLevel.Information, Message = "Run {RunId}: shard {Shard} published {Events} tier-changed events")]
    public static partial void ShardPublished(ILogger logger, string runId, int shard, int events);

    [LoggerMessage(EventId = 28, Level = LogLevel.Information, Message = "Run {RunId} graded {Customers} customers, {Movers} moved tier; the engine took {EngineMilliseconds} ms")]
    public static partial void RunGraded(ILogger logger, string runId, int customers, int movers, long engineMilliseconds);

    [LoggerMessage(EventId = 29, Level = LogLevel.Information, Message = "Period {Period} is now run {RunId}'s")]
    public static partial void PeriodCommitted(ILogger logger, string period, string runId);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Run {RunId} succeeded: {Customers} customers, {Movers} moved tier")]
    public static partial void RunSucceeded(ILogger logger, string runId, int customers, int movers);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Scheduled run {RunId} of {Period} (made before: {AlreadyExisted}, past due: {IsPastDue})")]
    public static partial void ScheduledRun(ILogger logger, string runId, string period, bool alreadyExisted, bool isPastDue);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Dropped queue message {MessageId}: {Reason}")]
    public static partial void EventDropped(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 49, Level = LogLevel.Error, Message = "Queue message {MessageId} failed its last try; its event is queued again to be relayed in {Delay}")]
    public static partial void EventPostponed(ILogger logger, Exception exception, string messageId, TimeSpan delay);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Parked {WorkId} at {Point} {Count} for a fault test to kill the worker")]
    public static partial void Parked(ILogger logger, string workId, Faults.FaultPoint point, long count);

    // Scopes: every line written while one is open carries its ids (customDimensions in Application Insights, the
    // "=>" part on the local console), so one ingestion or run can be followed end to end, whichever class logs.
    private static readonly Func<ILogger, string, IDisposable?> IngestionScopeDefinition =
        LoggerMessage.DefineScope<string>("Ingestion {IngestionId}");

    private static readonly Func<ILogger, string, IDisposable?> RunScopeDefinition =
        LoggerMessage.DefineScope<string>("Run {RunId}");

    private static readonly Func<ILogger, string, int, Regrading.ShardPhase, IDisposable?> ShardScopeDefinition =
        LoggerMessage.DefineScope<string, int, Regrading.ShardPhase>("Run {RunId} shard {Shard} {Phase}");

    private static readonly Func<ILogger, string, IDisposable?> EventScopeDefinition =
        LoggerMessage.DefineScope<string>("Event message {EventMessageId}");

    public static IDisposable? IngestionScope(ILogger logger, string ingestionId) => IngestionScopeDefinition(logger, ingestionId);

    public static IDisposable? RunScope(ILogger logger, string runId) => RunScopeDefinition(logger, runId);

    public static IDisposable? ShardScope(ILogger logger, string runId, int shard, Regrading.ShardPhase phase) =>
        ShardScopeDefinition(logger, runId, shard, phase);

    public static IDisposable? EventScope(ILogger logger, string messageId) => EventScopeDefinition(logger, messageId);

    [LoggerMessage(EventId = 44, Level = LogLevel.Information, Message = "Erasure waits: {Reason}")]
    public static partial void ErasureWaits(ILogger logger, string reason);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Erasure: {Step} done")]
    public static partial void ErasureStep(ILogger logger, string step);

    [LoggerMessage(EventId = 46, Level = LogLevel.Information, Message = "Erasure done: {Requests} request(s), {Customers} customer(s), {TableRows} table rows, {Exports} export(s) removed")]
    public static partial void ErasureDone(ILogger logger, int requests, int customers, long tableRows, long exports);

    private static readonly Func<ILogger, int, int, IDisposable?> ErasureScopeDefinition =
        LoggerMessage.DefineScope<int, int>("Erasure of {ErasureRequests} request(s), {ErasedCustomers} customer(s)");

    public static IDisposable? ErasureScope(ILogger logger, int requests, int customers) => ErasureScopeDefinition(logger, requests, customers);

    [LoggerMessage(EventId = 47, Level = LogLevel.Information, Message = "Retention sweep waits: run {RunId} holds the regrade lock")]
    public static partial void RetentionWaits(ILogger logger, string runId);

    [LoggerMessage(EventId = 48, Level = LogLevel.Information, Message = "Retention sweep: {Ingestions} ingestion(s), {Periods} period(s), {Runs} run(s), {Grades} grade rows, {RunFiles} run file(s), {RelayedEvents} relayed event id(s) forgotten")]
    public static partial void RetentionSwept(ILogger logger, int ingestions, int periods, int runs, long grades, int runFiles, long relayedEvents);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "{Function} refused a caller without a valid token")]
    public static partial void TokenRefused(ILogger logger, string function, Exception? exception);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "{Function} refused caller {ObjectId}: it needs one of the roles {Roles}")]
    public static partial void RoleRefused(ILogger logger, string function, string objectId, IReadOnlyList<string> roles);

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, Message = "{Function} answered 503: the token issuer's metadata could not be read")]
    public static partial void IssuerUnavailable(ILogger logger, string function, Exception exception);
}
