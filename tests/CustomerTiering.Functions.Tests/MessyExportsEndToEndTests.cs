using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using CustomerTiering.Exports;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// Exports in the shapes people have them, with no profile, dropped into the container and uploaded through the API,
/// through the dev host on a real Azurite: what lands in the tables against the generator's own sums, the reports over
/// HTTP, the preview, and customers whose ids hold any character.
/// </summary>
public sealed class MessyExportsEndToEndTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private RunningApp App => fixture.App;

    [Theory]
    [InlineData("online-retail", "blob")]
    [InlineData("online-retail", "api")]
    [InlineData("marketplace", "blob")]
    [InlineData("marketplace", "api")]
    public async Task An_export_as_people_have_it_lands_with_no_profile_whether_dropped_or_uploaded(string shape, string via)
    {
        var (export, name, dateFormat) = shape == "online-retail"
            ? (ExportShapes.OnlineRetail(invoices: 500), $"online_retail_II-{via}.csv", "M/d/yyyy")
            : (ExportShapes.Marketplace(orders: 300), $"ExportOrderList-{via}.csv", "yyyy/M/d");

        var record = via == "blob" ? await DropAsync($"orders/2026/{name}", export.Content) : await UploadAsync("orders", name, export.Content);
        var report = await GetJsonAsync(record.GetProperty("reportUrl").GetString()!);

        Assert.Equal("succeeded", record.GetProperty("status").GetString());
        Assert.Equal((export.Rows, export.RowsWithoutCustomer, 0L), (report.GetProperty("rows").GetInt64(), report.GetProperty("withoutCustomer").GetInt64(), report.GetProperty("rejected").GetInt64()));
        Assert.Equal((dateFormat, "inferred"), (report.GetProperty("dateFormat").GetString(), report.GetProperty("dateFormatSource").GetString()));
        Assert.Equal(export.Expected.OrderBy(e => e.Key), (await LandedAsync(record.GetProperty("blobName").GetString()!)).OrderBy(e => e.Key));
        if (shape == "online-retail")
        {
            Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("12346.0", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_file_with_bad_rows_links_its_report_and_its_rejected_rows_for_the_uploader()
    {
        var content = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"R{i},C{i},2026-10-0{1 + (i % 9)},{i}\n"))
            + "R41,C41,someday,ten\n";

        var record = await UploadAsync("orders", "with-bad-row.csv", System.Text.Encoding.UTF8.GetBytes(content));
        using var rejected = await App.GetAsync(record.GetProperty("rejectedRowsUrl").GetString()!);
        var text = await rejected.Content.ReadAsStringAsync();

        Assert.Equal("partiallySucceeded", record.GetProperty("status").GetString());
        Assert.True(record.GetProperty("isFinished").GetBoolean());
        Assert.Equal((41, 1), (record.GetProperty("rows").GetInt64(), record.GetProperty("rejected").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("text/csv", rejected.Content.Headers.ContentType!.MediaType);
        Assert.Contains("someday", text, StringComparison.Ordinal);
        Assert.Contains("ten", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync("/api/ingestions/0123456789abcdef01234567/report"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOfAsync("/api/ingestions/..%2F..%2Fsecrets/rejected.csv"));
    }

    [Fact]
    public async Task A_customer_whose_id_holds_any_character_is_found_when_the_client_percent_encodes_it()
    {
        string[] ids = ["A/B", "50%off", "#1", "what?", "with space", "张三/北京", "a+b&c=d", "../x", "%41"];
        var account = fixture.Azurite.Account;
        await new StorageProvisioner(account).EnsureCreatedAsync();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await SampleShop.AddOrderAsync(account, id, $"SP{i}", new DateOnly(2026, 3, 1 + i), 100 + i);
        }

        await new RegradeClient(App, account).RunAsync(new { period = "2026-03" });

        foreach (var id in ids)
        {
            var customer = await GetJsonAsync($"/api/customers/{Uri.EscapeDataString(id)}?period=2026-03");
            var history = await GetJsonAsync($"/api/customers/{Uri.EscapeDataString(id)}/history");
            Assert.Equal(id, customer.GetProperty("id").GetString());
            Assert.Equal(id, history.GetProperty("customerId").GetString());
        }
    }

    [Fact]
    public async Task A_preview_tells_how_a_file_would_be_read_and_writes_nothing()
    {
        var export = ExportShapes.Marketplace(orders: 60);
        await new StorageProvisioner(fixture.Azurite.Account).EnsureCreatedAsync();
        var blobsBefore = await CountAsync(fixture.Azurite.Account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobsAsync());

        var preview = await PreviewAsync("orders", "ExportOrderList.csv", export.Content);

        Assert.Equal(("succeeded", "orders", true), (preview.GetProperty("wouldBe").GetString(), preview.GetProperty("kind").GetString(), preview.GetProperty("complete").GetBoolean()));
        Assert.Equal(("gb18030", ","), (preview.GetProperty("shape").GetProperty("encoding").GetString(), preview.GetProperty("shape").GetProperty("delimiter").GetString()));
        Assert.Equal(("yyyy/M/d", "inferred"), (preview.GetProperty("dateFormat").GetString(), preview.GetProperty("dateFormatSource").GetString()));
        var columns = preview.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("header").GetString()!, c => c.GetProperty("use").GetString());
        Assert.Equal(("mapped", "unused", "unknown"), (columns["买家实际支付金额"], columns["总金额"], columns["买家支付宝账号"]));
        Assert.Equal(ExportPreviewSampleRows, preview.GetProperty("sample").GetArrayLength());
        Assert.Equal(60, preview.GetProperty("rows").GetInt64());
        Assert.Equal(blobsBefore, await CountAsync(fixture.Azurite.Account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobsAsync()));
    }

    [Fact]
    public async Task A_preview_of_a_large_file_reads_its_first_megabytes_and_a_date_it_cannot_decide_is_refused_until_the_request_says()
    {
        var large = ExportShapes.OnlineRetail(invoices: 30_000);
        const string ambiguous = "Order ID,Customer ID,Order Date,Amount\nO1,C1,3/4/2024,10\nO2,C2,12/11/2024,20\n";

        var first = await PreviewAsync("orders", "online_retail_II.csv", large.Content);
        var refused = await PreviewAsync("orders", "x.csv", System.Text.Encoding.UTF8.GetBytes(ambiguous));
        var told = await PreviewAsync("orders", "x.csv", System.Text.Encoding.UTF8.GetBytes(ambiguous), "&dateFormat=d%2FM%2Fyyyy");

        Assert.True(large.Content.Length > 4 * 1024 * 1024);
        Assert.Equal(("succeeded", false), (first.GetProperty("wouldBe").GetString(), first.GetProperty("complete").GetBoolean()));
        Assert.InRange(first.GetProperty("rows").GetInt64(), 1_000, large.Rows - 1);
        Assert.Equal("orderLines", first.GetProperty("kind").GetString());
        Assert.Equal("rejected", refused.GetProperty("wouldBe").GetString());
        Assert.Contains("d/M/yyyy", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("succeeded", "d/M/yyyy", "upload"), (told.GetProperty("wouldBe").GetString(), told.GetProperty("dateFormat").GetString(), told.GetProperty("dateFormatSource").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendPreviewAsync("orders", "x.csv", [1], "&dateFormat=someday")).StatusCode);
    }

    [Fact]
    public async Task A_gzip_and_a_workbook_that_expand_to_gigabytes_are_refused_or_sampled_and_write_nothing()
    {
        // A header and the same line 3 million times (about 100 MB expanded, a few hundred KB sent), and a workbook whose
        // one sheet is 60 MB of the same row: what a hostile uploader sends to keep the workers busy.
        var line = System.Text.Encoding.UTF8.GetBytes("B1,BOMB1,2026-10-01,10.50\n");
        var gzip = Compressed(System.Text.Encoding.UTF8.GetBytes("Order ID,Customer ID,Order Date,Amount\n"), line, 3_000_000, zip: false);
        var workbook = Compressed(System.Text.Encoding.UTF8.GetBytes("<worksheet><sheetData>"),
            System.Text.Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>BOMB1</t></is></c></row>"), 1_000_000, zip: true);

        // How long each takes and what the worker holds meanwhile are printed, for the figures; a test asserts no time.
        var preview = await WatchedAsync("the gzip's preview", () => PreviewAsync("orders", "bomb.csv.gz", gzip));
        var upload = await WatchedAsync("the workbook's upload and ingestion", () => UploadAsync("orders", "bomb.xlsx", workbook));

        Assert.False(preview.GetProperty("complete").GetBoolean());
        Assert.InRange(preview.GetProperty("rows").GetInt64(), 1, ExportPreview.MaxExpandedBytes / line.Length);
        Assert.Equal(("rejected", 0L), (upload.GetProperty("status").GetString(), upload.GetProperty("written").GetInt64()));
        Assert.Contains("MaxWorkbookCompressionRatio", upload.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Runs the call while sampling the worker's working set, and prints its time and the worker's memory before and at its peak.</summary>
    private async Task<T> WatchedAsync<T>(string what, Func<Task<T>> call)
    {
        using var worker = System.Diagnostics.Process.GetProcessById(fixture.App.WorkerProcessId!.Value);
        var before = worker.WorkingSet64;
        var peak = before;
        using var done = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                worker.Refresh();
                peak = Math.Max(peak, worker.WorkingSet64);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await call();
        clock.Stop();
        await done.CancelAsync();
        await sampling;
        output.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms; the worker held {before / 1_000_000} MB before, {peak / 1_000_000} MB at its peak");
        return result;
    }

    /// <summary>A start and the same piece many times, as a gzip or as the one sheet of a zip.</summary>
    private static byte[] Compressed(byte[] start, byte[] piece, int times, bool zip)
    {
        using var file = new MemoryStream();
        using (var archive = zip ? new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true) : null)
        using (var content = archive?.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open()
                             ?? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            content.Write(start);
            for (var i = 0; i < times; i++)
            {
                content.Write(piece);
            }
        }

        return file.ToArray();
    }

    private const int ExportPreviewSampleRows = 20;

    private async Task<JsonElement> PreviewAsync(string kind, string name, byte[] content, string query = "")
    {
        using var response = await SendPreviewAsync(kind, name, content, query);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendPreviewAsync(string kind, string name, byte[] content, string query) =>
        App.SendAsync(HttpMethod.Post, $"/api/exports/{kind}/preview?name={Uri.EscapeDataString(name)}{query}", content: Csv(content));

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }

    /// <summary>Waits for the ingestion to finish and returns its view.</summary>
    private async Task<JsonElement> FinishedAsync(string id) => (JsonElement)await Eventually.ReturnsAsync<object>(async () =>
    {
        // An administrator: a dropped file has no uploader, so only administrators follow its ingestion.
        using var response = await App.SendAsync(HttpMethod.Get, $"/api/ingestions/{id}", Who.Administrator);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var record = await response.Content.ReadFromJsonAsync<JsonElement>();
        return record.GetProperty("status").GetString() is "succeeded" or "partiallySucceeded" or "rejected" or "failed" ? record : null;
    }, $"ingestion {id} to finish");

    /// <summary>Drops a file into the container as sales operations do, and waits for its ingestion.</summary>
    private async Task<JsonElement> DropAsync(string name, byte[] content)
    {
        await new StorageProvisioner(fixture.Azurite.Account).EnsureCreatedAsync();
        var blob = fixture.Azurite.Account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer).GetBlobClient(name);
        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions());
        return await FinishedAsync(IngestionLedger.IdOf(name, uploaded.Value.ETag.ToString("H")));
    }

    private async Task<JsonElement> UploadAsync(string kind, string name, byte[] content)
    {
        using var accepted = await App.SendAsync(HttpMethod.Post, $"/api/exports/{kind}?name={Uri.EscapeDataString(name)}", content: Csv(content));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return await FinishedAsync((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>What the tables hold per customer for the orders one blob wrote.</summary>
    private async Task<Dictionary<string, ExpectedCustomer>> LandedAsync(string blobName)
    {
        var source = blobName.StartsWith(StorageNames.ExportsContainer + "/", StringComparison.Ordinal) ? blobName[(StorageNames.ExportsContainer.Length + 1)..] : blobName;
        var orders = new List<CustomerTiering.Domain.Customers.Order>();
        await foreach (var entity in fixture.Azurite.Account.Tables.GetTableClient(StorageNames.OrdersTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Source eq {source}")))
        {
            orders.Add(CustomerEntities.ToOrder(entity));
        }

        Assert.NotEmpty(orders);
        return orders.GroupBy(o => o.CustomerId.Value).ToDictionary(
            g => g.Key,
            g => new ExpectedCustomer(g.Key, g.Count(), g.Sum(o => o.NetAmount),
                g.Where(o => o.NetAmount > 0).Select(o => o.Date).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.MinValue)).Max()));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await App.SendAsync(HttpMethod.Get, path, Who.Administrator);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var response = await App.GetAsync(path);
        return response.StatusCode;
    }

    private static ByteArrayContent Csv(byte[] content)
    {
        var csv = new ByteArrayContent(content);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return csv;
    }
}
