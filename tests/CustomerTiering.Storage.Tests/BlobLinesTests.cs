using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs.Models;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>A file written again without some lines: header, byte order mark, gzip, content type and metadata kept; untouched when nothing goes.</summary>
public sealed class BlobLinesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_csv_with_a_byte_order_mark_keeps_its_header_mark_and_properties()
    {
        var blob = azurite.Account.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient("lines/rejected.csv");
        await blob.UploadAsync(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. "row,value\n2,Wang\n3,Li\n4,Wang\n"u8.ToArray()]),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" }, Metadata = new Dictionary<string, string> { ["runid"] = "r1" } });

        var found = await BlobLines.FindAsync(blob, line => line.Contains("Wang", StringComparison.Ordinal));
        var removed = await BlobLines.RemoveAsync(blob, line => line.Contains("Wang", StringComparison.Ordinal) || line.StartsWith("row", StringComparison.Ordinal), hasHeader: true, new UTF8Encoding(true));

        Assert.Equal(["2,Wang", "4,Wang"], found);
        Assert.Equal(2, removed);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal([.. Encoding.UTF8.GetPreamble(), .. "row,value\n3,Li\n"u8.ToArray()], bytes);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(("text/csv", "r1"), (properties.ContentType, properties.Metadata["runid"]));
    }

    [Fact]
    public async Task A_gzipped_file_stays_gzipped_and_one_with_nothing_to_remove_is_not_written()
    {
        var blob = azurite.Account.Blobs.GetBlobContainerClient(StorageNames.RunsContainer).GetBlobClient("lines/run/carried.jsonl.gz");
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync("{\"customerId\":\"A\"}\n{\"customerId\":\"B\"}\n"u8.ToArray());
        }

        compressed.Position = 0;
        await blob.UploadAsync(compressed);
        var unchanged = (await blob.GetPropertiesAsync()).Value.ETag;

        Assert.Equal(0, await BlobLines.RemoveAsync(blob, line => line.Contains("\"Z\"", StringComparison.Ordinal)));
        Assert.Equal(unchanged, (await blob.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(1, await BlobLines.RemoveAsync(blob, line => line.Contains("\"A\"", StringComparison.Ordinal)));
        await using var read = new GZipStream(await blob.OpenReadAsync(), CompressionMode.Decompress);
        Assert.Equal("{\"customerId\":\"B\"}\n", await new StreamReader(read).ReadToEndAsync());
    }
}
