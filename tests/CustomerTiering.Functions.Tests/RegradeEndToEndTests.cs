using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Regrade runs through the dev host on a real Azurite: the timer, the lock, sharding, dry runs and events.</summary>
[LongScenario]
public sealed class RegradeEndToEndTests(RegradeEndToEndTests.Shop fixture) : IClassFixture<RegradeEndToEndTests.Shop>
{
    private const int Customers = 240;
    private RunningApp App => fixture.App;
    private readonly RegradeClient _regrade = new(fixture.App, fixture.Account);
    private readonly List<JsonElement> _relayed = [];

    private StorageAccount Account => fixture.Account;

    [Fact]
    public async Task A_second_run_while_one_is_going_gets_409_naming_it_and_runs_once_the_first_has_ended()
    {
        var first = await _regrade.StartAsync(new { period = "2025-03", shards = 16 });

        using var second = await _regrade.RequestAsync(new { period = "2025-04" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, problem.GetProperty("runningRunId").GetString());
        await _regrade.WaitAsync(first);
        await _regrade.WaitAsync(await _regrade.StartAsync(new { period = "2025-04" }));
    }

    [Fact]
    public async Task A_run_over_many_shards_grades_exactly_like_a_run_over_one()
    {
        var single = await _regrade.RunAsync(new { period = "2025-06", shards = 1 });
        var sharded = await _regrade.RunAsync(new { period = "2025-06", shards = 7 });

        var singleGrades = await _regrade.GradesAsync(single);
        Assert.Equal(Customers, singleGrades.Count);
        Assert.Equal(singleGrades, await _regrade.GradesAsync(sharded));
        var summaries = await Task.WhenAll(_regrade.GetRunAsync(single), _regrade.GetRunAsync(sharded));
        Assert.Equal(
            summaries[0].GetProperty("summary").GetProperty("grading").GetRawText(),
            summaries[1].GetProperty("summary").GetProperty("grading").GetRawText());
    }

    [Fact]
    public async Task A_dry_run_with_a_draft_policy_changes_nothing_and_compares_with_the_current_period()
    {
        await _regrade.RunAsync(new { period = "2025-08" });
        var before = await StorageStateAsync();
        var draft = JsonSerializer.Deserialize<JsonElement>(Domain.Policy.TieringPolicyJson.Serialize(Domain.Policy.TieringPolicy.Default with { Version = "draft-2" }));

        var dry = await _regrade.WaitAsync(await _regrade.StartAsync(new { period = "2025-08", dryRun = true, policy = draft }));

        Assert.Equal(before, await StorageStateAsync());
        var comparison = dry.GetProperty("summary").GetProperty("comparison");
        Assert.Equal(Customers, comparison.EnumerateObject().SelectMany(from => from.Value.EnumerateObject()).Sum(to => to.Value.GetInt32()));
        Assert.Equal("draft-2", dry.GetProperty("run").GetProperty("policyVersion").GetString());
    }

    [Fact]
    public async Task A_dry_run_answers_the_separation_warnings_its_tier_kpis_call_for_in_both_languages()
    {
        JsonElement Draft(string version, Domain.Policy.ValueWeights weights) => JsonSerializer.Deserialize<JsonElement>(Domain.Policy.TieringPolicyJson.Serialize(
            Domain.Policy.TieringPolicy.Default with { Version = version, Tiers = Domain.Policy.TieringPolicy.Default.Tiers with { Weights = weights } }));

        var blind = await _regrade.WaitAsync(await _regrade.StartAsync(new { period = "2025-09", dryRun = true, policy = Draft("draft-recency", new() { Recency = 0.6, Frequency = 0.4 }) }));
        var onRevenue = await _regrade.WaitAsync(await _regrade.StartAsync(new { period = "2025-09", dryRun = true, policy = Draft("draft-revenue", new() { Monetary = 1.0 }) }));

        // The dry runs' answers carry exactly the A/B warnings their own tier KPIs call for, in both languages (the
        // separation rules themselves are tested on fixed data in the Domain tests).
        foreach (var run in new[] { blind, onRevenue })
        {
            var tiers = run.GetProperty("summary").GetProperty("grading").GetProperty("kpis").GetProperty("tiers").EnumerateArray()
                .ToDictionary(k => k.GetProperty("group").GetString()!);
            var (a, b) = (tiers["A"], tiers["B"]);
            var warnings = run.GetProperty("warnings").EnumerateArray().ToList();
            bool Below(string figure) => b.GetProperty(figure).GetDecimal() > 0 && a.GetProperty(figure).GetDecimal() / b.GetProperty(figure).GetDecimal() < 1.5m;
            bool Warned(string code) => warnings.Any(w => w.GetProperty("code").GetString() == code && w.GetProperty("tier").GetString() == "A");

            Assert.Equal(Below("meanRevenue"), Warned("MeanNotSeparated"));
            Assert.Equal(Below("medianRevenue"), Warned("MedianNotSeparated"));
            Assert.Equal(warnings.Count, run.GetProperty("warningsZh").GetArrayLength());
        }

        Assert.NotEmpty(blind.GetProperty("warnings").EnumerateArray());
        Assert.All(blind.GetProperty("warningsZh").EnumerateArray(), w => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", w.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Each_customer_whose_tier_moved_gets_one_cloud_event_relayed_to_the_topic()
    {
        await _regrade.RunAsync(new { period = "2026-01" });
        var second = await _regrade.RunAsync(new { period = "2026-02" });

        var movers = (await _regrade.GradesAsync(second)).Count(g => g.Value.Contains("Movement=Up", StringComparison.Ordinal) || g.Value.Contains("Movement=Down", StringComparison.Ordinal));
        Assert.True(movers > 0, "the sample shop should have customers moving between January and February");
        var events = await Eventually.ReturnsAsync(async () =>
        {
            var relayed = (await TopicEventsAsync())
                .Where(e => e.GetProperty("data").GetProperty("runId").GetString() == second && e.GetProperty("type").GetString() == "com.customertiering.tier.changed").ToList();
            return relayed.Count >= movers ? relayed : null;
        }, "every tier change to be relayed");

        Assert.Equal(movers, events.Count);
        Assert.Equal(movers, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        var one = events[0];
        Assert.Equal("1.0", one.GetProperty("specversion").GetString());
        Assert.Equal("com.customertiering.tier.changed", one.GetProperty("type").GetString());
        Assert.Equal("2026-02", one.GetProperty("data").GetProperty("period").GetString());
        Assert.NotEqual(one.GetProperty("data").GetProperty("from").GetString(), one.GetProperty("data").GetProperty("to").GetString());
        Assert.NotEmpty(one.GetProperty("data").GetProperty("reasons").EnumerateArray());

        // Besides tier changes: one event per customer who entered a watched segment or lifecycle stage.
        var expected = await _regrade.ExpectedEventsAsync(second);
        var all = await Eventually.ReturnsAsync(async () =>
        {
            var relayed = (await TopicEventsAsync()).Where(e => e.GetProperty("data").GetProperty("runId").GetString() == second).ToList();
            return relayed.Count >= expected ? relayed : null;
        }, "every event to be relayed");
        var slips = all.Where(e => e.GetProperty("type").GetString() != "com.customertiering.tier.changed").ToList();
        Assert.Equal(expected, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        Assert.NotEmpty(slips);
        Assert.All(slips, e =>
        {
            Assert.Contains(e.GetProperty("type").GetString(), new[] { "com.customertiering.segment.entered", "com.customertiering.lifecycle.changed" });
            Assert.NotEqual(e.GetProperty("data").GetProperty("from").GetString(), e.GetProperty("data").GetProperty("to").GetString());
        });
    }

    [Fact]
    public async Task Hysteresis_keeps_a_customer_who_dipped_for_one_period_in_their_tier()
    {
        var april = await _regrade.RunAsync(new { period = "2026-04" });
        var may = await _regrade.RunAsync(new { period = "2026-05" });
        var grades = new GradeStore(Account);

        var held = new List<(string Customer, string Tier)>();
        for (var c = 0; c < Customers; c++)
        {
            var id = $"C{c:0000}";
            var now = (await grades.GetAsync(may, id))!;
            if (now.Reasons.Any(r => r.Code == Domain.Reasons.ReasonCode.HeldByHysteresis))
            {
                held.Add((id, now.Tier));
                var before = (await grades.GetAsync(april, id))!;
                Assert.Equal(before.Tier, now.Tier);
                Assert.Equal(Domain.Grading.TierMovement.Same, now.Movement);
                Assert.Equal(1, now.PeriodsBelowTier);
                Assert.Equal(before.TierSince, now.TierSince);
            }
        }

        Assert.NotEmpty(held);
    }

    [Theory]
    [InlineData("{\"period\":\"2025-13\"}", "period")]
    [InlineData("{\"asOf\":\"31/10/2025\"}", "asOf")]
    [InlineData("{\"period\":\"2025-10\",\"asOf\":\"2025-11-02\"}", "asOf")]
    [InlineData("{\"period\":\"2999-01\"}", "period")]
    [InlineData("{\"shards\":0}", "shards")]
    [InlineData("{\"policyVersion\":\"no-such-version\"}", "policyVersion")]
    [InlineData("{\"policy\":{\"version\":\"x\"}}", "policy")]
    [InlineData("{\"dryRun\":true,\"policy\":{\"version\":\"x\"}}", "policy")]
    public async Task A_bad_request_gets_a_400_naming_the_field(string body, string field)
    {
        using var response = await App.SendAsync(HttpMethod.Post, "/api/manage/regrade", Who.Administrator,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_run_is_404_and_a_path_in_its_id_is_refused()
    {
        using var unknown = await App.SendAsync(HttpMethod.Get, "/api/manage/runs/2025-02-nosuchrun", Who.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var refused = await App.SendAsync(HttpMethod.Get, "/api/manage/runs/..%2F..%2Fetc", Who.Administrator);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_and_an_unknown_run_cannot_be_resumed()
    {
        var runId = await _regrade.RunAsync(new { period = "2025-01", shards = 2 });

        using var listed = await App.SendAsync(HttpMethod.Get, "/api/manage/runs?top=500", Who.Administrator);
        using var refused = await App.SendAsync(HttpMethod.Get, "/api/manage/runs?top=abc", Who.Administrator);
        using var unknown = await App.SendAsync(HttpMethod.Post, "/api/manage/runs/2025-01-nosuchrun/resume", Who.Administrator);
        using var succeeded = await App.SendAsync(HttpMethod.Post, $"/api/manage/runs/{runId}/resume", Who.Administrator);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(runId, (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, succeeded.StatusCode);
    }

    /// <summary>Every event relayed to the topic so far (received, so each is seen once; these tests alone read it).</summary>
    private async Task<List<JsonElement>> TopicEventsAsync()
    {
        var topic = Account.Queues.GetQueueClient(RunningApp.TierChangesTopic);
        if (await topic.ExistsAsync())
        {
            while ((await topic.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value is { Length: > 0 } received)
            {
                _relayed.AddRange(received.Select(m => JsonSerializer.Deserialize<JsonElement>(m.Body.ToString())));
            }
        }

        return _relayed;
    }

    /// <summary>Everything a run could change that readers see: committed periods, every grade row, the snapshots.</summary>
    private async Task<string> StorageStateAsync()
    {
        var state = new List<string>();
        foreach (var table in new[] { StorageNames.PeriodsTable, StorageNames.GradesTable })
        {
            await foreach (var e in Account.Tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                state.Add($"{table}/{e.PartitionKey}/{e.RowKey}/{e.ETag}");
            }
        }

        await foreach (var blob in Account.Blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer).GetBlobsAsync())
        {
            state.Add($"snapshots/{blob.Name}/{blob.Properties.ETag}");
        }

        return string.Join("\n", state.Order(StringComparer.Ordinal));
    }

    /// <summary>The sample shop, and the app grading it over three shards.</summary>
    public sealed class Shop : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Regrade__Shards"] = "3" };

        protected override Task SeedAsync() => SampleShop.SeedAsync(Account, Customers);
    }
}
