using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Storage answering 503 Server Busy to a share of requests, as Azure Storage does when it throttles: the app's
/// retries (the SDK's bounded ones, then the triggers') hold, and an ingestion and a regrade end exactly as clean ones.
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[LongScenario]
public sealed class ThrottlingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Customers = 120;
    private const double FaultRate = 0.15;
    private readonly AzuriteFixture _azurite = new();
    private FaultProxy _proxy = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await SampleShop.SeedAsync(_azurite.Account, Customers);
        _proxy = await FaultProxy.StartAsync(_azurite.ConnectionString, seed: 17);
        _app = await RunningApp.StartAsync(_proxy.ConnectionString, _proxy.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _proxy.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Under_throttling_an_ingestion_writes_every_row_once_and_a_regrade_grades_as_a_clean_one()
    {
        var regrade = new RegradeClient(_app, _azurite.Account);
        var clean = await regrade.RunAsync(new { period = "2026-03", shards = 4 });

        _proxy.FaultRate = FaultRate;
        var orders = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"T{i},C{i % Customers:0000},2026-03-{1 + (i % 28):00},{10 + i}.50\n"));
        // Throttled, an attempt can fail and wait for the trigger's retry: give it longer than a clean ingestion.
        var ingested = await ExportUploads.IngestAsync(_app, "orders", orders, TimeSpan.FromSeconds(120));
        var throttled = await regrade.RunAsync(new { period = "2026-03", shards = 4 });
        _proxy.FaultRate = 0;

        Assert.Equal("succeeded", ingested);
        var table = _azurite.Account.Tables.GetTableClient(StorageNames.OrdersTable);
        var written = await table.QueryAsync<TableEntity>(select: ["OrderId"]).Where(e => e.GetString("OrderId").StartsWith('T')).CountAsync();
        Assert.Equal(300, written);

        // The second run saw the 300 new March orders: grade it again cleanly and compare the two runs of the same data.
        // Its start may have to ask again for a moment: when the throttled run's lock release failed, the retry of its
        // last message releases it (before that fix, the lock stayed taken and no run could ever start again).
        var reference = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await regrade.RequestAsync(new { period = "2026-03", shards = 4 });
            return response.StatusCode == System.Net.HttpStatusCode.Accepted
                ? System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()
                : null;
        }, "the lock to be free for a clean run");
        await regrade.WaitAsync(reference);
        Assert.Equal(await regrade.GradesAsync(reference), await regrade.GradesAsync(throttled));
        Assert.NotEqual(await regrade.GradesAsync(clean), await regrade.GradesAsync(throttled));
        output.WriteLine($"{_proxy.Faults} of {_proxy.Requests} requests refused with 503");
        Assert.True(_proxy.Faults > 20, $"only {_proxy.Faults} of {_proxy.Requests} requests were refused");
    }
}
