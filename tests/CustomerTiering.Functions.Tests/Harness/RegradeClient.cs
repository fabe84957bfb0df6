using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Tests;

/// <summary>The management API of a running app, as an administrator uses it, and what a run leaves in storage.</summary>
public sealed class RegradeClient(RunningApp app, StorageAccount account)
{
    /// <summary>How long a run may go without its record changing before a wait for it fails; and a wait for a run to reach a state.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    public Task<HttpResponseMessage> RequestAsync(object body, Who caller = Who.Administrator) =>
        app.SendAsync(HttpMethod.Post, "/api/manage/regrade", caller, JsonContent.Create(body));

    /// <summary>Starts a run and returns its id; fails the test unless the run was accepted.</summary>
    public async Task<string> StartAsync(object body)
    {
        using var response = await RequestAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Regrade was not accepted: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("runId").GetString()!;
    }

    public async Task<JsonElement> GetRunAsync(string runId) =>
        await TryGetRunAsync(runId) ?? throw new InvalidOperationException("The handler is not answering.");

    /// <summary>The run's view, or null while the handler is down (the dev host answers 502 until it has restarted it).</summary>
    private async Task<JsonElement?> TryGetRunAsync(string runId)
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/manage/runs/{runId}", Who.Administrator);
        if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Waits for the run to end and returns its view; fails the test if it failed, or if its record has not changed for
    /// <see cref="RunTimeout"/>. A run on a machine running other scenarios, or retrying after an outage, can take minutes
    /// and still move on: the wait is for a run that has stopped, not for a slow one.
    /// </summary>
    public async Task<JsonElement> WaitAsync(string runId)
    {
        var (lastChange, lastUpdate) = (DateTime.UtcNow, "");
        while (true)
        {
            var current = await TryGetRunAsync(runId);
            var run = current?.GetProperty("run");
            if (run?.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                var status = run.Value.GetProperty("status").GetString();
                return status == "succeeded" ? current!.Value : throw new InvalidOperationException($"Run {runId} ended {status}: {current}");
            }

            if (run?.GetProperty("updatedAt").GetString() is { } updated && updated != lastUpdate)
            {
                (lastChange, lastUpdate) = (DateTime.UtcNow, updated);
            }
            else if (DateTime.UtcNow - lastChange > RunTimeout)
            {
                throw new TimeoutException($"Run {runId} has not moved on for {RunTimeout.TotalSeconds:0} s: {current}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<string> RunAsync(object body) => await WaitAsync(await StartAsync(body)) is var view
        ? view.GetProperty("run").GetProperty("id").GetString()!
        : throw new InvalidOperationException();

    /// <summary>
    /// How many events a run must relay, counted from its grade files by the rules the product states: one per customer
    /// whose tier moved, one per customer who entered At Risk, Can't Lose Them or Hibernating from another segment, one
    /// per customer who became declining or churned from another stage.
    /// </summary>
    public async Task<int> ExpectedEventsAsync(string runId)
    {
        var shards = (await new CustomerTiering.Storage.Runs.RunStore(account).GetAsync(runId))!.Shards;
        string[] segments = ["At Risk", "Can't Lose Them", "Hibernating"];
        string[] stages = ["Declining", "Churned"];
        var artifacts = new CustomerTiering.Storage.Runs.RunArtifacts(account);
        var count = 0;
        for (var shard = 0; shard < shards; shard++)
        {
            await foreach (var g in artifacts.ReadLinesAsync(CustomerTiering.Storage.Runs.RunArtifacts.GradesPath(runId, shard), GradeJson.Default.StoredGrade))
            {
                count += g.Movement is Domain.Grading.TierMovement.Up or Domain.Grading.TierMovement.Down ? 1 : 0;
                count += g.PreviousSegment is { } segment && segment != g.Segment && segments.Contains(g.Segment) ? 1 : 0;
                count += g.PreviousLifecycle is { } stage && stage != g.Lifecycle && stages.Contains(g.Lifecycle) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>Every grade row of a run, keyed by customer, with the run's own id blanked out so two runs can be compared.</summary>
    public async Task<SortedDictionary<string, string>> GradesAsync(string runId)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}");
        await foreach (var entity in account.Tables.GetTableClient(StorageNames.GradesTable).QueryAsync<TableEntity>(filter))
        {
            rows[entity.RowKey] = string.Join(";", entity.Keys
                .Where(k => k is not ("Timestamp" or "odata.etag" or "PartitionKey"))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}={entity[k]}"))
                .Replace(runId, "<run>", StringComparison.Ordinal);
        }

        return rows;
    }
}
