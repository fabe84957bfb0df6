using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Parquet.Serialization;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The erasure tests' shop: thirty customers, three of whom will ask to be erased, and a scan of the whole account for them.</summary>
internal static class ErasureShop
{
    public static readonly (string Id, string Name, string Email)[] Subjects =
        [("C007", "Wang Fang", "wang.fang@mail.example"), ("C013", "Liu Yang", "liu.yang@mail.example"), ("C021", "Zhou Min", "zhou.min@mail.example")];

    public static string CustomersCsv() => "Customer ID,Name,Email,Region,Owner\n" + string.Concat(Enumerable.Range(1, 30).Select(i =>
        Subjects.FirstOrDefault(s => s.Id == Id(i)) is { Id: not null } s
            ? $"{s.Id},{s.Name},{s.Email},East,Li Na\n"
            : $"{Id(i)},Shop {i},shop{i}@mail.example,North,Chen Jie\n"));

    /// <summary>Six orders a customer over four months, and one bad line of C013's (its amount), which the rejected rows keep.</summary>
    public static string OrdersCsv() => "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(1, 30).SelectMany(i => Enumerable.Range(0, 6).Select(k =>
        $"O{i:000}-{k},{Id(i)},{new DateOnly(2025, 11, 3).AddDays(k * 17 + i):yyyy-MM-dd},{(i * 37 % 500) + 20 * k + 10}\n"))) + "O013-X,C013,2026-01-05,lots\n";

    /// <summary>The privacy officer's erasure of <paramref name="customerIds"/>, once it is done: its record.</summary>
    public static async Task<JsonElement> EraseAsync(RunningApp app, IEnumerable<string> customerIds)
    {
        using var accepted = await app.SendAsync(HttpMethod.Post, "/api/manage/privacy/erasures", Who.PrivacyOfficer,
            JsonContent.Create(new { customerIds = customerIds.ToArray() }));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var request = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var done = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await app.SendAsync(HttpMethod.Get, $"/api/manage/privacy/erasures/{request}", Who.PrivacyOfficer);
            if (!response.IsSuccessStatusCode)
            {
                return null; // the worker restarting after a kill
            }

            var body = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "done" ? body : null;
        }, "the erasure to be done", TimeSpan.FromSeconds(90));
        return JsonDocument.Parse(done).RootElement;
    }

    private static string Id(int i) => $"C{i:000}";

    /// <summary>Every table row and every blob of the whole account that holds one of the subjects' ids, names or e-mail addresses.</summary>
    public static async Task<List<string>> ScanAsync(StorageAccount account)
    {
        var found = new List<string>();
        await foreach (var table in account.Tables.QueryAsync())
        {
            await foreach (var row in account.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = string.Join("\n", row.Select(p => $"{p.Key}={p.Value}"));
                if (Mentions(text))
                {
                    found.Add($"table {table.Name} {row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        await foreach (var container in account.Blobs.GetBlobContainersAsync())
        {
            var client = account.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                if (Mentions(await TextOfAsync(blob.Name, content)))
                {
                    found.Add($"blob {container.Name}/{blob.Name}");
                }
            }
        }

        return found;
    }

    private static async Task<string> TextOfAsync(string name, byte[] content)
    {
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            await using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            return await reader.ReadToEndAsync();
        }

        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            var rows = await ParquetSerializer.DeserializeAsync<SnapshotRow>(new MemoryStream(content));
            return string.Join("\n", rows.Data.Select(r => r.ToCsvLine()));
        }

        return Encoding.UTF8.GetString(content);
    }

    /// <summary>
    /// An id as ingestion keeps it (case-sensitive: "C007" is not "c007", which any hex hash or message id may hold by
    /// chance, and the relay's ledger is full of both), a name or an address in any case.
    /// </summary>
    private static bool Mentions(string text) =>
        Subjects.Any(s => text.Contains(s.Id, StringComparison.Ordinal)
                          || text.Contains(s.Name, StringComparison.OrdinalIgnoreCase) || text.Contains(s.Email, StringComparison.OrdinalIgnoreCase));
}
