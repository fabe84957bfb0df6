using System.Text;
using Azure.Data.Tables;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Ingestion against a real Azurite: the service the IngestExport function runs.</summary>
public sealed class IngestionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private StorageAccount Account => azurite.Account;

    public async Task InitializeAsync() => await new StorageProvisioner(Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ErasedCustomers Erased => new(Account, TestKeys.Hasher);

    private ExportWriteGate WriteGate => new(Account, new RegradeLock(Account), new RunStore(Account), TimeProvider.System);

    private ExportIngestion Ingestion(IFaultInjection? faults = null, IngestionOptions? options = null) => new(
        new ExportStore(Account), new CustomerRecords(Account), new IngestionLedger(Account), new ReportStore(Account), Erased, WriteGate, new MappingProfiles(new ExportStore(Account)),
        faults ?? NoFaults.Instance, Options.Create(options ?? new IngestionOptions()), TimeProvider.System, NullLogger<ExportIngestion>.Instance);

    private static string Orders(int count, int badEvery = 0, string prefix = "O", decimal amount = 10m) =>
        "Order ID,Customer ID,Order Date,Amount,Category\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
            badEvery > 0 && i % badEvery == 0 ? $"{prefix}{i},C{i % 37},not-a-date,{amount},Tea\n" : $"{prefix}{i},C{i % 37},2026-10-{1 + (i % 28):00},{amount + i},Tea\n"));

    private async Task<(string Name, string ETag)> UploadAsync(string name, string content)
    {
        var blob = Account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobClient(name);
        var info = await blob.UploadAsync(BinaryData.FromString(content), overwrite: true);
        return (name, info.Value.ETag.ToString("H"));
    }

    private async Task<Dictionary<string, string>> SnapshotAsync(string table)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in Account.Tables.GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows[$"{entity.PartitionKey}/{entity.RowKey}"] = string.Join(";", entity.Keys
                .Where(k => k is not ("Timestamp" or "odata.etag" or "UpdatedAt"))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}={entity[k]}"));
        }

        return rows;
    }

    private async Task ClearAsync(string table)
    {
        var client = Account.Tables.GetTableClient(table);
        await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        }
    }

    [Fact]
    public async Task A_clean_file_lands_in_the_table_with_a_report_and_a_ledger_entry()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (name, eTag) = await UploadAsync("orders/clean.csv", Orders(250));

        var record = await Ingestion().IngestAsync(name);

        Assert.Equal(IngestionStatus.Succeeded, record!.Status);
        Assert.Equal((250L, 250L, 0L), (record.Rows, record.Written, record.Rejected));
        Assert.Equal(250, (await SnapshotAsync(StorageNames.OrdersTable)).Count);
        var report = await new ReportStore(Account).ReadReportAsync(record.Id);
        Assert.Contains("\"status\": \"succeeded\"", report!.ToString(), StringComparison.Ordinal);
        Assert.False(await Account.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient(ReportStore.RejectedRowsPath(record.Id)).ExistsAsync());
        Assert.Equal(record, await new IngestionLedger(Account).GetAsync(record.Id));
    }

    [Fact]
    public async Task Rows_of_erased_customers_are_counted_and_skipped_even_when_bad()
    {
        await new ErasedCustomers(Account, TestKeys.Hasher).AddAsync(["GONE-1"], DateTimeOffset.UtcNow);
        var (name, _) = await UploadAsync("orders/with-erased.csv",
            "Order ID,Customer ID,Order Date,Amount\nE-1,GONE-1,2026-10-01,100\nE-2, GONE-1 ,2026-13-45,-5\nE-3,KEPT-1,2026-10-03,oops\n"
            + string.Concat(Enumerable.Range(10, 40).Select(i => $"E-{i},KEPT-1,2026-10-02,50\n")));

        var record = await Ingestion().IngestAsync(name);

        Assert.Equal((41L, 40L, 1L, 40L, 2L), (record!.Rows, record.Accepted, record.Rejected, record.Written, record.Erased));
        var orders = await SnapshotAsync(StorageNames.OrdersTable);
        Assert.DoesNotContain(orders.Values, row => row.Contains("GONE-1", StringComparison.Ordinal));
        Assert.Contains(orders.Values, row => row.Contains("KEPT-1", StringComparison.Ordinal));
        using var rejected = new StreamReader((await new ReportStore(Account).OpenRejectedRowsForReadingAsync(record.Id))!);
        var rejectedText = await rejected.ReadToEndAsync();
        Assert.Contains("oops", rejectedText, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-13-45", rejectedText, StringComparison.Ordinal);
        Assert.Contains("\"erased\": 2", (await new ReportStore(Account).ReadReportAsync(record.Id))!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_event_twice_and_the_same_file_again_change_nothing()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (name, eTag) = await UploadAsync("orders/twice.csv", Orders(120));
        var first = await Ingestion().IngestAsync(name);
        var after = await SnapshotAsync(StorageNames.OrdersTable);

        var redelivered = await Ingestion().IngestAsync(name);
        var (_, secondETag) = await UploadAsync("orders/twice.csv", Orders(120));
        var reuploaded = await Ingestion().IngestAsync(name);

        Assert.Equal(first, redelivered);
        Assert.NotEqual(first!.Id, reuploaded!.Id);
        Assert.Equal(IngestionStatus.Succeeded, reuploaded.Status);
        Assert.Equal(after, await SnapshotAsync(StorageNames.OrdersTable));
    }

    [Fact]
    public async Task A_corrected_order_re_exported_replaces_the_earlier_version()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (name, eTag) = await UploadAsync("orders/first.csv", "Order ID,Customer ID,Order Date,Amount\nO-7,C1,2026-10-01,100\nO-8,C1,2026-10-02,50\n");
        await Ingestion().IngestAsync(name);

        var (correction, correctionETag) = await UploadAsync("orders/correction.csv", "Order ID,Customer ID,Order Date,Amount\nO-7,C1,2026-10-01,80\n");
        await Ingestion().IngestAsync(correction);

        var orders = Account.Tables.GetTableClient(StorageNames.OrdersTable).QueryAsync<TableEntity>();
        var amounts = new Dictionary<string, string>();
        await foreach (var order in orders)
        {
            amounts[order.GetString("OrderId")] = order.GetString("Amount");
        }

        Assert.Equal(new Dictionary<string, string> { ["O-7"] = "80", ["O-8"] = "50" }, amounts);
    }

    [Fact]
    public async Task A_crash_half_way_then_the_retry_ends_exactly_like_a_clean_run()
    {
        var content = Orders(900);
        await ClearAsync(StorageNames.OrdersTable);
        var (cleanName, cleanETag) = await UploadAsync("orders/crash.csv", content);
        await Ingestion().IngestAsync(cleanName);
        var clean = await SnapshotAsync(StorageNames.OrdersTable);

        await ClearAsync(StorageNames.OrdersTable);
        var (name, eTag) = await UploadAsync("orders/crash.csv", content);
        var crashing = Ingestion(new ThrowingFaults(FaultPoint.IngestionRowWritten, handed => handed == 450, new IOException("injected crash")));
        await Assert.ThrowsAsync<IOException>(() => crashing.IngestAsync(name));
        var halfWay = await new IngestionLedger(Account).GetAsync(IngestionLedger.IdOf(name, eTag));
        Assert.Equal(IngestionStatus.Running, halfWay!.Status);

        var retried = await Ingestion().IngestAsync(name);

        Assert.Equal(IngestionStatus.Succeeded, retried!.Status);
        Assert.Equal(clean, await SnapshotAsync(StorageNames.OrdersTable));
    }

    [Fact]
    public async Task A_file_with_six_percent_bad_rows_is_rejected_and_the_tables_are_untouched()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (seedName, seedETag) = await UploadAsync("orders/seed.csv", Orders(30, prefix: "S"));
        await Ingestion().IngestAsync(seedName);
        var before = await SnapshotAsync(StorageNames.OrdersTable);
        var sixPercent = Orders(200, badEvery: 16); // rows 16, 32, … 192: 12 of 200

        var (name, eTag) = await UploadAsync("orders/bad.csv", sixPercent);
        var record = await Ingestion().IngestAsync(name);

        Assert.Equal(IngestionStatus.Rejected, record!.Status);
        Assert.Equal(12, record.Rejected);
        Assert.Contains("nothing was written", record.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(StorageNames.OrdersTable));
        var rejectedCsv = await Account.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer)
            .GetBlobClient(ReportStore.RejectedRowsPath(record.Id)).DownloadContentAsync();
        var lines = rejectedCsv.Value.Content.ToString().TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("17,Order Date,not-a-date,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_percent_bad_rows_apply_the_good_ones_as_partially_succeeded()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (name, eTag) = await UploadAsync("orders/mostly.csv", Orders(200, badEvery: 25));

        var record = await Ingestion().IngestAsync(name);

        Assert.Equal(IngestionStatus.PartiallySucceeded, record!.Status);
        Assert.Equal((8L, 192L), (record.Rejected, record.Written));
    }

    [Theory]
    [InlineData("orders/empty.csv", "", "empty")]
    [InlineData("orders/header-only.csv", "Order ID,Customer ID,Order Date,Amount\n", "no rows")]
    [InlineData("orders/junk.csv", "\u0000\u0001\u0002binary", "NUL bytes")]
    [InlineData("misc/notes.csv", "colour,size\nred,9\n", "Neither a customer, an order nor an invoice file")]
    public async Task An_unreadable_file_is_rejected_with_a_reason_and_not_retried(string name, string content, string reason)
    {
        var (blob, eTag) = await UploadAsync(name, content);

        var record = await Ingestion().IngestAsync(blob);

        Assert.Equal(IngestionStatus.Rejected, record!.Status);
        Assert.Contains(reason, record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overwritten_file_is_ingested_as_its_current_version_once()
    {
        await ClearAsync(StorageNames.OrdersTable);
        var (name, _) = await UploadAsync("orders/moving.csv", Orders(5));
        var (_, currentETag) = await UploadAsync("orders/moving.csv", Orders(6));

        // Both versions' events arrive after the overwrite: each finds the current version, which is ingested once.
        var first = await Ingestion().IngestAsync(name);
        var second = await Ingestion().IngestAsync(name);

        Assert.Equal((IngestionLedger.IdOf(name, currentETag), IngestionStatus.Succeeded, 1), (first!.Id, first.Status, first.Attempts));
        Assert.Equal((first.Id, 1), (second!.Id, second.Attempts));
        Assert.Equal(6, (await SnapshotAsync(StorageNames.OrdersTable)).Count);
    }

    [Fact]
    public async Task Customers_land_in_their_table_keyed_by_id_with_awkward_characters_escaped()
    {
        var content = "客户编号,客户名称,客户类型,区域\nC/1#?,张三,个人,华东\nC%2,Acme,企业,North\n";
        var (name, eTag) = await UploadAsync("customers/crm.csv", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(content)));

        var record = await Ingestion().IngestAsync(name);

        Assert.Equal(IngestionStatus.Succeeded, record!.Status);
        var table = Account.Tables.GetTableClient(StorageNames.CustomersTable);
        var zhang = await table.GetEntityAsync<TableEntity>(TableKeys.PartitionOf("C/1#?"), TableKeys.Escape("C/1#?"));
        Assert.Equal("张三", zhang.Value.GetString("Name"));
        Assert.Equal("Individual", zhang.Value.GetString("Type"));
    }

    [Fact]
    public async Task Only_the_last_failed_attempt_marks_the_ingestion_failed()
    {
        var (name, eTag) = await UploadAsync("orders/doomed.csv", Orders(3));
        var ledger = new IngestionLedger(Account);
        var failing = Ingestion(new ThrowingFaults(FaultPoint.IngestionRowWritten, _ => true, new IOException("storage went away")), new IngestionOptions { MaxAttempts = 2 });

        await Assert.ThrowsAsync<IOException>(() => failing.IngestAsync(name));
        var afterFirst = await ledger.GetAsync(IngestionLedger.IdOf(name, eTag));
        await Assert.ThrowsAsync<IOException>(() => failing.IngestAsync(name));
        var afterLast = await ledger.GetAsync(IngestionLedger.IdOf(name, eTag));

        Assert.Equal((IngestionStatus.Running, 1), (afterFirst!.Status, afterFirst.Attempts));
        Assert.Equal((IngestionStatus.Failed, "IOException: storage went away", 2), (afterLast!.Status, afterLast.Reason, afterLast.Attempts));
    }
}
