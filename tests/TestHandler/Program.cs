using System.Collections.Concurrent;
using System.Text.Json;
using CustomerTiering.Functions.Invocation;

var builder = WebApplication.CreateSlimBuilder(args);
var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? "0";
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
var recorded = new ConcurrentDictionary<string, ConcurrentQueue<JsonElement>>(StringComparer.OrdinalIgnoreCase);

void Record(string function, InvocationRequest request) =>
    recorded.GetOrAdd(function, _ => new()).Enqueue(JsonSerializer.SerializeToElement(new { request.Data, request.Metadata }));

app.MapGet("/", () => Results.Ok());

// Queue trigger that succeeds and writes two messages to its queue output.
app.MapInvocation("QueueEcho", (request, _, _) =>
{
    Record("QueueEcho", request);
    var text = request.GetText("message");
    var response = new InvocationResponse();
    response.Outputs["echo"] = new[] { text, text + "-again" };
    response.Logs.Add("echoed " + text);
    return Task.FromResult(response);
});

// Queue trigger that always fails, so the message ends in the poison queue.
app.MapInvocation("QueueFail", (request, _, _) =>
{
    Record("QueueFail", request);
    throw new InvalidOperationException("fails on purpose");
});

// Any other function (timers): record and succeed.
app.MapPost("/{function}", async (string function, HttpContext context) =>
{
    using var body = new MemoryStream();
    await context.Request.Body.CopyToAsync(body);
    Record(function, InvocationRequest.Parse(body.ToArray()));
    return Results.Json(new InvocationResponse(), InvocationJson.Options);
});

// HTTP function: echoes what arrived, to prove the request is forwarded intact.
app.Map("/api/echo/{**rest}", async (HttpContext context) =>
{
    recorded.GetOrAdd("Echo", _ => new()).Enqueue(default);
    using var reader = new StreamReader(context.Request.Body);
    var body = await reader.ReadToEndAsync();
    return Results.Json(new
    {
        method = context.Request.Method,
        path = context.Request.Path.Value,
        query = context.Request.QueryString.Value,
        headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        body,
    });
});

// Lets a test kill the handler and watch the dev host start a new one.
app.MapGet("/api/process", () => Results.Json(new { id = Environment.ProcessId }));
app.MapPost("/api/process/exit", () => Environment.Exit(3));

app.MapGet("/api/recorded/{function}", (string function) =>
    Results.Json(recorded.TryGetValue(function, out var items) ? items.ToArray() : []));

// Like the real handler: stop when the dev host that started us is gone, so a killed test run leaves nothing behind.
if (int.TryParse(app.Configuration["DEVHOST_PROCESS_ID"], out var parentId))
{
    _ = Task.Run(async () =>
    {
        while (true)
        {
            await Task.Delay(1000);
            try
            {
                using var parent = System.Diagnostics.Process.GetProcessById(parentId);
                if (!parent.HasExited)
                {
                    continue;
                }
            }
            catch (ArgumentException)
            {
            }

            app.Lifetime.StopApplication();
            return;
        }
    });
}

app.Run();
