using System.Text.Json;
using CustomerTiering.Functions.Invocation;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// The regrade functions: the monthly timer, the shard queue, the event relay, and the management API. Routes are under
/// <c>manage/</c> because the Functions host refuses function routes that start with <c>admin</c>.
/// </summary>
public static class RegradeEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapRegrade(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapInvocation("RegradeScheduled", ScheduledAsync);
        endpoints.MapInvocation("RegradeShard", ShardAsync);
        endpoints.MapInvocation("PublishTierChanges", RelayAsync);
        endpoints.MapPost("/api/manage/regrade", RequestAsync).WithName("RequestRegrade")
            .Accepts<RegradeRequestBody>("application/json")
            .Produces<RunAccepted>(202).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        endpoints.MapGet("/api/manage/runs/{id}", GetAsync).WithName("GetRun")
            .Produces<RunView>().ProducesValidationProblem().ProducesProblem(404);
        endpoints.MapGet("/api/manage/runs", ListAsync).WithName("ListRuns")
            .Produces<IReadOnlyList<RunRecord>>().ProducesValidationProblem();
        endpoints.MapPost("/api/manage/runs/{id}/resume", ResumeAsync).WithName("ResumeRun")
            .Produces<RunAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return endpoints;
    }

    private static async Task<InvocationResponse> ScheduledAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var calendar = services.GetRequiredService<RegradeCalendar>();
        var period = calendar.JustEnded;
        var policy = await services.GetRequiredService<PolicyStore>().CurrentAsync(cancellationToken);
        var start = await services.GetRequiredService<RegradeRuns>().StartAsync(new RegradeRequest(
            RunIds.Scheduled(period), period, period.LastDay, policy, DryRun: false,
            services.GetRequiredService<IOptions<RegradeOptions>>().Value.Shards, "Scheduled"), cancellationToken);
        if (start.BlockedBy is { } holder)
        {
            // Fails the invocation where monitoring sees it; the run can be asked for on demand once the other ends.
            throw new InvalidOperationException($"The scheduled run of {period} did not start: run {holder} is going.");
        }

        var response = new InvocationResponse { ReturnValue = start.Run!.Id };
        response.Logs.Add(start.AlreadyExisted ? $"run {start.Run.Id} of {period} was made already ({start.Run.Status})" : $"started run {start.Run.Id} of {period}");
        return response;
    }

    private static async Task<InvocationResponse> ShardAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var work = request.Get<ShardWork>("work");
        var attempt = int.TryParse(request.GetMetadataText("DequeueCount"), out var count) ? count : 1;
        try
        {
            await services.GetRequiredService<RegradeWorker>().HandleAsync(work, cancellationToken);
            return new InvocationResponse();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && attempt >= services.GetRequiredService<IOptions<RegradeOptions>>().Value.MaxAttempts)
        {
            // The last try: fail the run (and free the lock) before the message goes to the poison queue.
            await services.GetRequiredService<RegradeRuns>().FailAsync(work.RunId, ex, cancellationToken);
            throw;
        }
    }

    private static async Task<InvocationResponse> RelayAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var message = request.GetText("event");
        var messageId = request.GetMetadataText("Id") ?? throw new InvalidInvocationException("The queue message has no Id in Metadata.");
        var relayed = await services.GetRequiredService<TierChangeRelay>().RelayAsync(message, messageId, cancellationToken);
        var response = new InvocationResponse();
        if (relayed is not null)
        {
            response.Outputs["topic"] = relayed; // a dropped duplicate sets no output at all, not a null message
        }

        return response;
    }

    private static async Task<IResult> RequestAsync(HttpRequest http, RegradeRequestReader reader, RegradeRuns runs, CancellationToken cancellationToken)
    {
        RegradeRequestBody body;
        try
        {
            body = await ReadBodyAsync(http, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: "Invalid request body", detail: ex.Message);
        }

        var (request, errors) = await reader.ReadAsync(body, cancellationToken);
        if (request is null)
        {
            return Results.ValidationProblem(errors, title: "Invalid regrade request");
        }

        var start = await runs.StartAsync(request, cancellationToken);
        if (start.BlockedBy is { } holder)
        {
            return Results.Problem(statusCode: 409, title: "A regrade run is going",
                detail: $"Run {holder} is going; one run at a time. Ask again when it has ended.",
                extensions: new Dictionary<string, object?> { ["runningRunId"] = holder });
        }

        return Accepted(start.Run!);
    }

    private static async Task<IResult> ResumeAsync(string id, RegradeRuns runs, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return InvalidRunId();
        }

        var resumed = await runs.ResumeAsync(id, cancellationToken);
        return resumed switch
        {
            { BlockedBy: { } holder } => Results.Problem(statusCode: 409, title: "A regrade run is going", detail: $"Run {holder} is going; one run at a time.",
                extensions: new Dictionary<string, object?> { ["runningRunId"] = holder }),
            { Run: null } => UnknownRun(id),
            { AlreadyExisted: true, Run: { } run } => Results.Problem(statusCode: 409, title: "Run has succeeded", detail: $"Run {run.Id} succeeded; there is nothing to resume."),
            { Run: { } run } => Accepted(run),
        };
    }

    private static async Task<IResult> GetAsync(string id, RunStore runs, RunArtifacts artifacts, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return InvalidRunId();
        }

        if (await runs.GetAsync(id, cancellationToken) is not { } run)
        {
            return UnknownRun(id);
        }

        var summary = await artifacts.ReadTextAsync(RunArtifacts.SummaryPath(id), cancellationToken);
        return Results.Json(new RunView(run, summary is null ? null : JsonSerializer.Deserialize<JsonElement>(summary)), RegradeJson.Options);
    }

    private static async Task<IResult> ListAsync(RunStore runs, int? top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > 500)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["top must be between 1 and 500."] });
        }

        return Results.Json(await runs.RecentAsync(top ?? 50, cancellationToken), RegradeJson.Options);
    }

    private static IResult Accepted(RunRecord run) =>
        Results.Json(new RunAccepted(run.Id, run.Status, $"/api/manage/runs/{run.Id}"), RegradeJson.Options, statusCode: 202);

    private static IResult InvalidRunId() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["A run id is its period (yyyy-MM) and a suffix of lower-case letters, digits and '-'."] });

    private static IResult UnknownRun(string id) => Results.Problem(statusCode: 404, title: "Unknown run", detail: $"No run {id}.");

    private static async Task<RegradeRequestBody> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is 0)
        {
            return new RegradeRequestBody();
        }

        if (!http.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", 415);
        }

        var body = await BoundedBody.ReadAsync(http, MaxBodyBytes, cancellationToken)
            ?? throw new BadHttpRequestException($"The body is larger than {MaxBodyBytes} bytes.", 413);
        if (body.Length == 0)
        {
            return new RegradeRequestBody();
        }

        try
        {
            return JsonSerializer.Deserialize<RegradeRequestBody>(body, RegradeJson.Options)
                ?? throw new BadHttpRequestException("The body is JSON null; send an object.", 400);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException($"The body is not a regrade request: {ex.Message}", 400);
        }
    }
}
