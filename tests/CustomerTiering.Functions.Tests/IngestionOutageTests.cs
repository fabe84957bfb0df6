using System.Globalization;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Storage away for 12 s while an upload's rows are being written, then back with what it held: the attempt fails, the
/// host delivers the blob event again, and the ingestion ends as a clean one would: every row once, the ledger's counts
/// those of the file, not of the attempts.
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[LongScenario]
public sealed class IngestionOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Customers = 50;
    private const int Orders = 60_000;
    private readonly AzuriteFixture _azurite = AzuriteFixture.WithOutages();
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await SampleShop.SeedAsync(_azurite.Account, Customers);
        _app = await RunningApp.StartAsync(_azurite.ConnectionString, _azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task An_ingestion_whose_storage_goes_away_while_it_writes_ends_as_a_clean_one()
    {
        var orders = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(0, Orders)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"T{i:00000},C{i % Customers:0000},2026-05-{1 + (i % 28):00},{10 + (i % 500)}.25\n")));
        var upload = ExportUploads.IngestAsync(_app, "orders", orders, TimeSpan.FromSeconds(120));

        // Writing has begun once the first rows are in the table (the second pass writes; the first only checks).
        var table = _azurite.Account.Tables.GetTableClient(StorageNames.OrdersTable);
        var ours = TableClient.CreateQueryFilter($"OrderId ge {"T"} and OrderId lt {"U"}");
        await Eventually.HoldsAsync(async () => await table.QueryAsync<TableEntity>(ours, maxPerPage: 1, select: ["OrderId"]).AnyAsync(),
            "the ingestion to write its first rows", TimeSpan.FromSeconds(60));
        _azurite.CutOff();
        await Task.Delay(RegradeOutageTests.Outage);
        _azurite.Reconnect();

        Assert.Equal("succeeded", await upload);
        var record = (await new IngestionLedger(_azurite.Account).RecentAsync(10)).Single(r => r.BlobName.StartsWith("orders/", StringComparison.Ordinal));
        output.WriteLine($"ingested in {record.Attempts} attempts, {(record.UpdatedAt - record.CreatedAt).TotalSeconds:0.0} s from the first");
        Assert.True(record.Attempts >= 2, $"the outage should have failed an attempt, but the ingestion took {record.Attempts}");
        Assert.Equal((IngestionStatus.Succeeded, Orders, Orders, Orders, 0L), (record.Status, record.Rows, record.Accepted, record.Written, record.Rejected));

        var written = await table.QueryAsync<TableEntity>(ours, select: ["OrderId", "Amount"]).ToListAsync();
        Assert.Equal(Orders, written.Count);
        var amounts = written.ToDictionary(e => e.GetString("OrderId"), e => decimal.Parse(e.GetString("Amount"), CultureInfo.InvariantCulture));
        Assert.All(Enumerable.Range(0, Orders), i => Assert.Equal(10 + (i % 500) + 0.25m, amounts[string.Create(CultureInfo.InvariantCulture, $"T{i:00000}")]));
    }
}
