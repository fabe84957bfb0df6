using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TestWorker;

/// <summary>One function of each kind the dev host runs: they record their invocation and succeed or fail on purpose.</summary>
public sealed class Functions(Recorder recorder, IConfiguration configuration)
{
    private static readonly TaskCompletionSource Held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly string[] Metadata = ["DequeueCount", "Id", "PopReceipt", "InsertionTime", "ExpirationTime", "NextVisibleTime", "BlobTrigger", "name", "sys"];

    /// <summary>Queue trigger that succeeds and sends two messages on, as an app sends with the SDK.</summary>
    [Function("QueueEcho")]
    public async Task QueueEchoAsync([QueueTrigger("echo-in", Connection = "TieringStorage")] string message, FunctionContext context)
    {
        recorder.Record("QueueEcho", new { message, metadata = MetadataOf(context) });
        var echo = new QueueClient(configuration["TieringStorage"], configuration["EchoQueue"], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await echo.CreateIfNotExistsAsync();
        await echo.SendMessageAsync(message);
        await echo.SendMessageAsync(message + "-again");
    }

    /// <summary>Queue trigger that always fails, so the message ends in the poison queue.</summary>
    [Function("QueueFail")]
    public void QueueFail([QueueTrigger("fail-in", Connection = "TieringStorage")] string message, FunctionContext context)
    {
        recorder.Record("QueueFail", new { message, metadata = MetadataOf(context) });
        throw new InvalidOperationException("fails on purpose");
    }

    /// <summary>Queue trigger that holds a "hold…" message until the test releases them all, and ends any other at once.</summary>
    [Function("QueueHold")]
    public async Task QueueHoldAsync([QueueTrigger("hold-in", Connection = "TieringStorage")] string message, FunctionContext context)
    {
        recorder.Record("QueueHold", new { message, metadata = MetadataOf(context) });
        if (message.StartsWith("hold", StringComparison.Ordinal))
        {
            await Held.Task.WaitAsync(context.CancellationToken);
        }
    }

    [Function("ReleaseHeld")]
    public static IResult ReleaseHeld([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "held/release")] HttpRequest request)
    {
        Held.TrySetResult();
        return Results.NoContent();
    }

    [Function("Tick")]
    public void Tick([TimerTrigger("%TickSchedule%")] TimerInfo timer) =>
        recorder.Record("Tick", new { timer.IsPastDue, last = timer.ScheduleStatus?.Last, next = timer.ScheduleStatus?.Next });

    /// <summary>Blob trigger with the Event Grid source, bound to a client: proves the blob is reachable, not sent inline.</summary>
    [Function("BlobSeen")]
    public async Task BlobSeenAsync(
        [BlobTrigger("drops/{name}", Source = BlobTriggerSource.EventGrid, Connection = "TieringStorage")] BlobClient blob, FunctionContext context)
    {
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
        recorder.Record("BlobSeen", new { blob.Name, content, metadata = MetadataOf(context) });
    }

    /// <summary>HTTP function: echoes what arrived, to prove the request is forwarded intact.</summary>
    [Function("Echo")]
    public async Task<IResult> EchoAsync([HttpTrigger(AuthorizationLevel.Function, "get", "post", "put", Route = "echo/{*rest}")] HttpRequest request) =>
        await EchoOfAsync("Echo", request);

    [Function("ManageEcho")]
    public async Task<IResult> ManageEchoAsync([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "manage/echo")] HttpRequest request) =>
        await EchoOfAsync("ManageEcho", request);

    /// <summary>Lets a test kill the worker and watch the dev host start a new one.</summary>
    [Function("Process")]
    public static IResult Process([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "process")] HttpRequest request) =>
        Results.Json(new { id = Environment.ProcessId });

    [Function("ProcessExit")]
    public static IResult ProcessExit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "process/exit")] HttpRequest request)
    {
        Environment.Exit(3);
        return Results.Empty;
    }

    /// <summary>Waits until the test kills the worker: an invocation in flight when the worker dies.</summary>
    [Function("QueueHang")]
    public async Task QueueHangAsync([QueueTrigger("hang-in", Connection = "TieringStorage")] string message, FunctionContext context)
    {
        recorder.Record("QueueHang", new { message, metadata = MetadataOf(context), pid = Environment.ProcessId });
        if (message == "exit-on-first" && MetadataOf(context)["DequeueCount"] == "1")
        {
            Environment.Exit(4);
        }

        await Task.CompletedTask;
    }

    [Function("Recorded")]
    public IResult Recorded([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recorded/{function}")] HttpRequest request, string function) =>
        Results.Json(recorder.Of(function));

    private async Task<IResult> EchoOfAsync(string function, HttpRequest request)
    {
        recorder.Record(function, new { });
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return Results.Json(new
        {
            method = request.Method,
            path = request.Path.Value,
            query = request.QueryString.Value,
            headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body,
        });
    }

    private static Dictionary<string, string?> MetadataOf(FunctionContext context) =>
        Metadata.Where(context.BindingContext.BindingData.ContainsKey)
            .ToDictionary(k => k, k => context.BindingContext.BindingData[k]?.ToString());
}
