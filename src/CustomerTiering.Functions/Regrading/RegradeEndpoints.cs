using System.Text.Json;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// The management API's handlers and their description: start a regrade, read and resume runs. The functions in
/// <see cref="RegradeFunctions"/> call the handlers; <see cref="MapRegrade"/> describes them for the OpenAPI document.
/// Routes are under <c>manage/</c> because the Functions host refuses function routes that start with <c>admin</c>.
/// </summary>
public static class RegradeEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapRegrade(this IEndpointRouteBuilder endpoints)
    {
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

    internal static async Task<IResult> RequestAsync(HttpRequest http, RegradeRequestReader reader, RegradeRuns runs, CancellationToken cancellationToken)
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

    internal static async Task<IResult> ResumeAsync(string id, RegradeRuns runs, CancellationToken cancellationToken)
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

    internal static async Task<IResult> GetAsync(string id, RunStore runs, RunArtifacts artifacts, CancellationToken cancellationToken)
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
        if (summary is null)
        {
            return Results.Json(new RunView(run, null), RegradeJson.Options);
        }

        var warnings = JsonSerializer.Deserialize<RunSummary>(summary, RegradeJson.Options)?.Grading.Warnings ?? [];
        return Results.Json(
            new RunView(run, JsonSerializer.Deserialize<JsonElement>(summary),
                [.. warnings.Select(w => WarningView.Of(w, ReasonLanguage.English))], [.. warnings.Select(w => WarningView.Of(w, ReasonLanguage.SimplifiedChinese))]),
            RegradeJson.Options);
    }

    internal static async Task<IResult> ListAsync(RunStore runs, string? top, CancellationToken cancellationToken)
    {
        if (!QueryNumber.TryRead(top, 1, 500, 50, out var count))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["top is a whole number from 1 to 500."] });
        }

        return Results.Json(await runs.RecentAsync(count, cancellationToken), RegradeJson.Options);
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
