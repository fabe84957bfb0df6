using System.Text.Json;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Storage.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// The management API of regrading: start a regrade, read and resume runs. Routes are under <c>manage/</c> because the
/// Functions host refuses function routes that start with <c>admin</c>.
/// </summary>
public sealed class RegradeEndpoints(RegradeRuns runs, RegradeRequestReader reader, RunStore runStore, RunArtifacts artifacts)
{
    [Function("RequestRegrade")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Accepted<RunAccepted>, RefusedRequest, ConflictProblem>> RequestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/regrade")] HttpRequest request,
        [AsParameters] RegradeInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var (regrade, errors) = await reader.ReadAsync(input.Body ?? new RegradeRequestBody(), cancellationToken);
        if (regrade is null)
        {
            return RefusedRequest.Invalid(errors, title: "Invalid regrade request");
        }

        var start = await runs.StartAsync(regrade with { RequestedBy = Caller.Of(request.HttpContext).AsActor() }, cancellationToken);
        return start.BlockedBy is { } holder ? RunGoing(holder) : Accepted(start.Run!);
    }

    [Function("GetRun")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<RunView>, RefusedRequest, NotFoundProblem>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/runs/{id}")] HttpRequest request,
        [AsParameters] RunInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var id = input.Id.Value;
        if (await runStore.GetAsync(id, cancellationToken) is not { } run)
        {
            return UnknownRun(id);
        }

        var summary = await artifacts.ReadTextAsync(RunArtifacts.SummaryPath(id), cancellationToken);
        if (summary is null)
        {
            return TypedResults.Ok(new RunView(run, null));
        }

        var warnings = JsonSerializer.Deserialize<RunSummary>(summary, RegradeJson.Options)?.Grading.Warnings ?? [];
        return TypedResults.Ok(new RunView(run, JsonSerializer.Deserialize<JsonElement>(summary),
            [.. warnings.Select(w => WarningView.Of(w, ReasonLanguage.English))], [.. warnings.Select(w => WarningView.Of(w, ReasonLanguage.SimplifiedChinese))]));
    }

    [Function("ListRuns")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<IReadOnlyList<RunRecord>>, RefusedRequest>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/runs")] HttpRequest request,
        [AsParameters] RecentInput input,
        CancellationToken cancellationToken) =>
        input.Refusal is { } refused ? refused : TypedResults.Ok(await runStore.RecentAsync(input.Top, cancellationToken));

    [Function("ResumeRun")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Accepted<RunAccepted>, RefusedRequest, NotFoundProblem, ConflictProblem>> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/runs/{id}/resume")] HttpRequest request,
        [AsParameters] RunInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var resumed = await runs.ResumeAsync(input.Id.Value, cancellationToken);
        return resumed switch
        {
            { BlockedBy: { } holder } => RunGoing(holder),
            { Run: null } => UnknownRun(input.Id.Value),
            { AlreadyExisted: true, Run: { } run } => new ConflictProblem("Run has succeeded", $"Run {run.Id} succeeded; there is nothing to resume."),
            { Run: { } run } => Accepted(run),
        };
    }

    private static Accepted<RunAccepted> Accepted(RunRecord run) =>
        TypedResults.Accepted($"/api/manage/runs/{run.Id}", new RunAccepted(run.Id, run.Status, $"/api/manage/runs/{run.Id}"));

    private static ConflictProblem RunGoing(string holder) =>
        new("A regrade run is going", $"Run {holder} is going; one run at a time. Ask again when it has ended.",
            new Dictionary<string, object?> { ["runningRunId"] = holder });

    private static NotFoundProblem UnknownRun(string id) => new("Unknown run", $"No run {id}.");
}
