using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A month-end: ten exports uploaded at once (orders, customers and invoices; one hostile, one uploaded twice), a regrade
/// started while they are being ingested, and the portal read at 200 requests a second throughout. Every good file is
/// ingested once, the hostile one is rejected with its report, and the regrade sees each file's rows all or none
/// (<see cref="ExportWriteGate"/>: a run's measuring and ingestions' writing wait for each other).
/// </summary>
[Trait("Category", ReliabilityMode.Category)]
[Collection(Alone)]
public sealed class BusyDayTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>
    /// The day runs with no other class beside it: its open-loop reads keep Azurite near its limit on two cores (p99
    /// 14.5 s beside another scenario), and a class beside it on a slow machine pushed a plain query past the storage
    /// client's four 30 s tries.
    /// </summary>
    public const string Alone = "Busy day, with no other class beside it";

    private const int Shop = 160;
    private const int PortalRate = 200;
    private const int OrderFiles = 3;
    private const int CustomerFiles = 3;
    private const int BuyersPerFile = 2000;
    private const int OrdersPerBuyer = 4;
    private const int ProfilesPerFile = 3000;

    [Fact]
    public async Task On_a_busy_day_every_good_export_is_ingested_once_and_a_regrade_sees_each_whole_or_not_at_all()
    {
        await SampleShop.SeedAsync(azurite.Account, Shop);
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__Shards"] = "4" });
        var regrade = new RegradeClient(app, azurite.Account);
        await regrade.RunAsync(new { period = "2026-04" });

        using var stopReading = new CancellationTokenSource();
        var portal = new PortalLoad();
        var reading = portal.RunAsync(app, [.. Enumerable.Range(0, Shop).Select(c => $"/api/customers/C{c:0000}?period=2026-04")], PortalRate, stopReading.Token);

        // Buyers B{i}-… appear in orders file i only; profiles P{j}-… in customers file j only: what a run saw of a
        // file can be read off its grades.
        var uploads = new List<(string Name, string Kind, string Content)>();
        for (var i = 0; i < OrderFiles; i++)
        {
            uploads.Add(($"orders-{i}", "orders", "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(0, BuyersPerFile * OrdersPerBuyer)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"B{i}-{r:00000},B{i}-{r % BuyersPerFile:0000},2026-05-{1 + (r % 28):00},{20 + (r % 90)}.00\n")))));
        }

        for (var j = 0; j < CustomerFiles; j++)
        {
            uploads.Add(($"customers-{j}", "customers", "Customer ID,Name,Region,Owner\n" + string.Concat(Enumerable.Range(0, ProfilesPerFile)
                .Select(k => string.Create(CultureInfo.InvariantCulture, $"P{j}-{k:0000},Prospect {j}-{k},North,owner{k % 5}\n")))));
        }

        for (var m = 0; m < 2; m++)
        {
            uploads.Add(($"invoices-{m}", "invoices", "Invoice No,Customer ID,Invoice Date,Due Date,Amount,Paid Date,Amount Paid\n" + string.Concat(Enumerable.Range(0, Shop * 5)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"V{m}-{r:0000},C{r % Shop:0000},2026-03-{1 + (r % 28):00},2026-04-{1 + (r % 28):00},{100 + r}.00,2026-04-{1 + (r % 28):00},{100 + r}.00\n")))));
        }

        // Hostile: no amount column, a formula for a header and a traversal for an id; it must be rejected, not written.
        uploads.Add(("hostile", "orders", "Order ID,Customer ID,=HYPERLINK(\"http://x\")\n../../etc/passwd,C0001,2026-05-01\n"));
        uploads.Add(uploads[0] with { Name = "orders-0-again" });
        var ingestions = uploads.Select(u => ExportUploads.IngestAsync(app, u.Kind, u.Content, TimeSpan.FromMinutes(3), u.Name)).ToList();

        // The regrade starts once some files are in and others are still being written.
        var ledger = new IngestionLedger(azurite.Account);
        var atStart = await Eventually.ReturnsAsync(async () =>
        {
            var records = await ledger.RecentAsync(50);
            return records.Any(r => r.IsFinished) && records.Any(r => r.Status == IngestionStatus.Running) ? records : null;
        }, "some exports to be in and others still being ingested", TimeSpan.FromMinutes(2));
        var busyRun = await regrade.StartAsync(new { period = "2026-05" });
        var statuses = await Task.WhenAll(ingestions);
        await regrade.WaitAsync(busyRun);
        await stopReading.CancelAsync();
        await reading;
        output.WriteLine($"regrade started with {atStart.Count(r => r.IsFinished)} exports in and {atStart.Count(r => r.Status == IngestionStatus.Running)} being ingested");
        output.WriteLine($"portal: {portal.Requests} reads at {PortalRate}/s, {portal.Errors} errors, p50 {portal.Percentile(0.5):0.0} ms, p99 {portal.Percentile(0.99):0.0} ms");

        // Ingested once: every good file succeeded and its rows are there once; the hostile one is rejected with a report.
        Assert.Equal([.. uploads.Select(u => u.Name == "hostile" ? "rejected" : "succeeded")], statuses);
        var hostile = (await ledger.RecentAsync(50)).Single(r => r.BlobName.EndsWith("hostile.csv", StringComparison.Ordinal));
        Assert.Contains("amount", hostile.Reason, StringComparison.OrdinalIgnoreCase);
        using (var report = await app.GetAsync($"/api/ingestions/{hostile.Id}/report"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        Assert.Equal(OrderFiles * BuyersPerFile * OrdersPerBuyer, await CountAsync(StorageNames.OrdersTable, "OrderId", "B"));
        Assert.Equal(CustomerFiles * ProfilesPerFile, await CountAsync(StorageNames.CustomersTable, "CustomerId", "P"));
        Assert.Equal(2 * Shop * 5, await CountAsync(StorageNames.InvoicesTable, "InvoiceId", "V"));
        Assert.Equal(0, await CountAsync(StorageNames.OrdersTable, "OrderId", ".."));

        // All or none: the busy run saw each file whole or not at all, and a run after the day sees every file whole.
        var busy = await regrade.GradesAsync(busyRun);
        var after = await regrade.GradesAsync(await regrade.RunAsync(new { period = "2026-05" }));
        for (var i = 0; i < OrderFiles; i++)
        {
            var buyers = busy.Where(g => g.Key.StartsWith($"B{i}-", StringComparison.Ordinal)).ToList();
            output.WriteLine($"orders-{i}: the busy run saw {buyers.Count} of {BuyersPerFile} buyers");
            Assert.True(buyers.Count is 0 or BuyersPerFile, $"orders-{i}: the busy run saw {buyers.Count} of {BuyersPerFile} buyers");
            Assert.All(buyers, g => Assert.Contains($"OrderCount={OrdersPerBuyer};", g.Value, StringComparison.Ordinal));
            Assert.Equal(BuyersPerFile, after.Keys.Count(k => k.StartsWith($"B{i}-", StringComparison.Ordinal)));
        }

        for (var j = 0; j < CustomerFiles; j++)
        {
            var profiles = busy.Keys.Count(k => k.StartsWith($"P{j}-", StringComparison.Ordinal));
            output.WriteLine($"customers-{j}: the busy run saw {profiles} of {ProfilesPerFile} customers");
            Assert.True(profiles is 0 or ProfilesPerFile, $"customers-{j}: the busy run saw {profiles} of {ProfilesPerFile} customers");
            Assert.Equal(ProfilesPerFile, after.Keys.Count(k => k.StartsWith($"P{j}-", StringComparison.Ordinal)));
        }

        Assert.Equal(0, portal.Errors);
    }

    private async Task<int> CountAsync(string table, string column, string prefix) =>
        await azurite.Account.Tables.GetTableClient(table)
            .QueryAsync<TableEntity>($"{column} ge '{prefix}' and {column} lt '{prefix}~'", select: [column]).CountAsync();
}

[CollectionDefinition(BusyDayTests.Alone, DisableParallelization = true)]
public sealed class BusyDayAlone;
