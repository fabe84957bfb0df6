using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Upload → BlobCreated event → IngestExport → rows and report, all through the dev host on a real Azurite.</summary>
public sealed class UploadEndToEndTests(UploadEndToEndTests.LimitedApp fixture) : IClassFixture<UploadEndToEndTests.LimitedApp>
{
    private RunningApp App => fixture.App;

    // A small upload limit, so that "too large" can be tried without sending gigabytes.
    private const int MaxUploadBytes = 64 * 1024;

    private Task<HttpResponseMessage> UploadAsync(string path, string content, string contentType = "text/csv", Who caller = Who.Uploader) =>
        App.SendAsync(HttpMethod.Post, path, caller, ExportUploads.Body(content, contentType));

    [Fact]
    public async Task An_uploaded_order_file_is_ingested_and_its_status_and_report_can_be_read()
    {
        const string content = "订单号,客户编号,订单日期,金额\nE1,C1,2026-10-01,\"1,200.00\"\nE2,C2,2026-10-02,80\nE3,C3,bad-date,5\n" +
                               "E4,C4,2026-10-03,1\nE5,C5,2026-10-03,1\nE6,C6,2026-10-03,1\nE7,C7,2026-10-03,1\nE8,C8,2026-10-03,1\n" +
                               "E9,C9,2026-10-03,1\nE10,C10,2026-10-03,1\n";
        var body = content + string.Concat(Enumerable.Range(11, 20).Select(i => $"E{i},C{i},2026-10-04,2\n"));

        using var accepted = await UploadAsync("/api/exports/orders?name=../../etc/订单 2026.csv", body);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var upload = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var statusUrl = upload.GetProperty("statusUrl").GetString()!;
        Assert.Equal(statusUrl, accepted.Headers.Location!.ToString());
        Assert.Matches(@"^exports/orders/\d{4}/\d{2}/\d{2}/[0-9a-f]{32}-订单_2026\.csv$", upload.GetProperty("blob").GetString());

        var status = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await App.SendAsync(HttpMethod.Get, statusUrl, Who.Uploader);
            var record = await response.Content.ReadFromJsonAsync<JsonElement>();
            return record.GetProperty("status").GetString() is "succeeded" or "partiallySucceeded" or "rejected" or "failed" ? (object)record : null;
        }, "the ingestion to finish");

        var finished = (JsonElement)status;
        Assert.Equal("partiallySucceeded", finished.GetProperty("status").GetString());
        Assert.Equal(29, finished.GetProperty("written").GetInt64());
        var table = fixture.Azurite.Account.Tables.GetTableClient(StorageNames.OrdersTable);
        var e1 = await table.GetEntityAsync<TableEntity>(TableKeys.PartitionOf("C1"), "C1|E1");
        Assert.Equal("1200.00", e1.Value.GetString("Amount"));

        using var listed = await App.SendAsync(HttpMethod.Get, "/api/ingestions?top=5", Who.Uploader);
        Assert.Contains(await listed.Content.ReadFromJsonAsync<JsonElement[]>() ?? [], r => r.GetProperty("id").GetString() == finished.GetProperty("id").GetString());

        // Another uploader (the portal's backend) does not see it at all; an administrator sees it, with who uploaded it.
        var id = finished.GetProperty("id").GetString();
        using var otherList = await App.SendAsync(HttpMethod.Get, "/api/ingestions?top=50", Who.Portal);
        Assert.DoesNotContain(await otherList.Content.ReadFromJsonAsync<JsonElement[]>() ?? [], r => r.GetProperty("id").GetString() == id);
        foreach (var path in new[] { statusUrl, $"{statusUrl}/report", $"{statusUrl}/rejected.csv" })
        {
            using var other = await App.SendAsync(HttpMethod.Get, path, Who.Portal);
            using var admin = await App.SendAsync(HttpMethod.Get, path, Who.Administrator);
            Assert.Equal((path, HttpStatusCode.NotFound, HttpStatusCode.OK), (path, other.StatusCode, admin.StatusCode));
        }

        using var adminView = await App.SendAsync(HttpMethod.Get, statusUrl, Who.Administrator);
        var uploader = Callers.User(Who.Uploader);
        var uploadedBy = (await adminView.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadedBy");
        Assert.Equal((uploader.ObjectId, uploader.Name), (uploadedBy.GetProperty("objectId").GetString(), uploadedBy.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/api/exports/payments?name=a.csv", "text/csv", 400)]
    [InlineData("/api/exports/orders?name=a.exe", "text/csv", 400)]
    [InlineData("/api/exports/orders?name=a.csv", "image/png", 415)]
    [InlineData("/api/exports/orders?name=a.csv&profile=../x", "text/csv", 400)]
    public async Task Bad_uploads_get_a_problem_not_a_blob(string path, string contentType, int status)
    {
        using var response = await UploadAsync(path, "Order ID,Customer ID,Order Date,Amount\n", contentType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_or_malformed_ingestion_id_is_a_problem()
    {
        using var unknown = await App.GetAsync("/api/ingestions/0123456789abcdef01234567");
        using var malformed = await App.GetAsync("/api/ingestions/..%2F..%2Fsecrets");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_gets_413_and_leaves_no_blob()
    {
        var exports = fixture.Azurite.Account.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer);
        await exports.CreateIfNotExistsAsync();
        var before = await CountAsync(exports);

        using var response = await UploadAsync("/api/exports/orders?name=big.csv", new string('x', MaxUploadBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountAsync(exports));
    }

    [Fact]
    public async Task A_streamed_upload_over_the_limit_without_a_length_is_refused_too()
    {
        var body = new StreamContent(new MemoryStream(new byte[MaxUploadBytes * 2]));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = App.Request(HttpMethod.Post, "/api/exports/orders?name=big.csv", content: body);
        request.Headers.TransferEncodingChunked = true;

        using var response = await App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task<int> CountAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }

    /// <summary>The app with an upload limit small enough to pass in a test.</summary>
    public sealed class LimitedApp : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Ingestion__MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
