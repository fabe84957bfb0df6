using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Storage away and back (every connection to Azurite reset while it is away): the portal answers 503
/// problem+json with Retry-After while it is away, never a 500, and the same answers as before once storage is back.
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[LongScenario]
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const string Period = "2026-02";
    private readonly AzuriteFixture _azurite = AzuriteFixture.WithOutages();
    private RunningApp _app = null!;
    private string _runId = "";

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await SampleShop.SeedAsync(_azurite.Account, 60);
        _app = await RunningApp.StartAsync(_azurite.ConnectionString, _azurite.ConnectionString);
        _runId = await new RegradeClient(_app, _azurite.Account).RunAsync(new { period = Period });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task While_storage_is_away_portal_reads_answer_503_problem_json_and_the_same_answers_come_back_after()
    {
        string[] reads = [$"/api/customers/C0003?period={Period}", $"/api/customers/C0003/history", $"/api/customers?period={Period}&tier=VIP", $"/api/owners?period={Period}"];
        var before = new List<string>();
        foreach (var path in reads)
        {
            using var ok = await _app.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            before.Add(await ok.Content.ReadAsStringAsync());
        }

        _azurite.CutOff();
        try
        {
            foreach (var path in reads)
            {
                using var away = await _app.GetAsync(path);
                Assert.True(away.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)away.StatusCode} {await away.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", away.Content.Headers.ContentType?.MediaType);
                Assert.Equal("10", away.Headers.GetValues("Retry-After").Single());
                Assert.Equal("Storage unavailable", (await away.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            }

            using var health = await _app.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        finally
        {
            _azurite.Reconnect();
        }

        for (var i = 0; i < reads.Length; i++)
        {
            var path = reads[i];
            var after = await Eventually.ReturnsAsync(async () =>
            {
                using var response = await _app.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode ? $"{(int)response.StatusCode} {body}" : null;
            }, $"{path} to answer again");
            Assert.Equal($"200 {before[i]}", after);
        }
    }

    [Fact]
    public async Task A_function_that_fails_for_another_reason_answers_500_problem_json_not_an_empty_200()
    {
        // A run summary that no longer parses: a bug's stand-in, not an outage.
        await _azurite.Account.Blobs.GetBlobContainerClient(Storage.StorageNames.RunsContainer)
            .GetBlobClient(Storage.Runs.RunArtifacts.SummaryPath(_runId)).UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);

        using var response = await _app.GetAsync($"/api/tiers/summary?period={Period}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Internal error", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
