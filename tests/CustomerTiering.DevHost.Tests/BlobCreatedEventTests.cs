using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class BlobCreatedEventTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_new_blob_yields_exactly_one_BlobCreated_event_and_an_overwrite_a_new_one()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, new Dictionary<string, string> { ["Recorded"] = DevHostRunner.RecordedFunction });
        var exports = azurite.Account.Blobs.GetBlobContainerClient("exports");
        await exports.CreateIfNotExistsAsync();
        var blob = exports.GetBlobClient("orders/2026 10/订单.csv");
        var events = azurite.Account.Queues.GetQueueClient("export-events");

        var first = await blob.UploadAsync(BinaryData.FromString("order_id,customer_id\n1,C1\n"), overwrite: true);
        var created = (await Eventually.ReturnsAsync(async () => await PeekAsync(events) is [var one] ? new[] { one } : null, "the first event"))[0];
        await Task.Delay(TimeSpan.FromSeconds(1)); // several polls: none may announce the same version again
        Assert.Single(await PeekAsync(events));

        var second = await blob.UploadAsync(BinaryData.FromString("order_id,customer_id\n1,C1\n2,C2\n"), overwrite: true);
        var all = await Eventually.ReturnsAsync(async () => await PeekAsync(events) is { Length: 2 } two ? two : null, "the overwrite event");

        Assert.Equal("Microsoft.Storage.BlobCreated", created.GetProperty("eventType").GetString());
        Assert.Equal("/blobServices/default/containers/exports/blobs/orders/2026 10/订单.csv", created.GetProperty("subject").GetString());
        var data = created.GetProperty("data");
        Assert.Equal(first.Value.ETag.ToString("H"), data.GetProperty("eTag").GetString());
        Assert.Equal(26, data.GetProperty("contentLength").GetInt64());
        Assert.Equal(blob.Uri, new Uri(data.GetProperty("url").GetString()!));
        Assert.Equal(second.Value.ETag.ToString("H"), all[1].GetProperty("data").GetProperty("eTag").GetString());
        Assert.NotEqual(all[0].GetProperty("id").GetString(), all[1].GetProperty("id").GetString());
    }

    private static async Task<JsonElement[]> PeekAsync(Azure.Storage.Queues.QueueClient queue) =>
        await queue.ExistsAsync()
            ? [.. (await queue.PeekMessagesAsync(32)).Value.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)]
            : [];
}
