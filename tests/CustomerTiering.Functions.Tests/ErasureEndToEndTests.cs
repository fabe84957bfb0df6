using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Testing;
using Parquet.Serialization;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A person's data through the dev host on Azurite: exports ingested, two periods graded, an override set; the
/// subject-access answer names every place a scan of the whole account finds them; the erasure leaves none, the others'
/// grades as they were, and neither a regrade nor the same exports uploaded again brings them back.
/// </summary>
public sealed class ErasureEndToEndTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly (string Id, string Name, string Email)[] Subjects =
        [("C007", "Wang Fang", "wang.fang@mail.example"), ("C013", "Liu Yang", "liu.yang@mail.example"), ("C021", "Zhou Min", "zhou.min@mail.example")];

    private static readonly string[] Words = [.. Subjects.SelectMany(s => new[] { s.Id, s.Name, s.Email })];

    private RunningApp App => fixture.App;

    private static string CustomersCsv() => "Customer ID,Name,Email,Region,Owner\n" + string.Concat(Enumerable.Range(1, 30).Select(i =>
        Subjects.FirstOrDefault(s => s.Id == Id(i)) is { Id: not null } s
            ? $"{s.Id},{s.Name},{s.Email},East,Li Na\n"
            : $"{Id(i)},Shop {i},shop{i}@mail.example,North,Chen Jie\n"));

    /// <summary>Six orders a customer over four months, and one bad line of C013's (its amount), which the rejected rows keep.</summary>
    private static string OrdersCsv() => "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(1, 30).SelectMany(i => Enumerable.Range(0, 6).Select(k =>
        $"O{i:000}-{k},{Id(i)},{new DateOnly(2025, 11, 3).AddDays(k * 17 + i):yyyy-MM-dd},{(i * 37 % 500) + 20 * k + 10}\n"))) + "O013-X,C013,2026-01-05,lots\n";

    private static string Id(int i) => $"C{i:000}";

    [Fact]
    public async Task Erased_customers_are_nowhere_after_the_erasure_the_access_answer_named_every_place_and_they_do_not_come_back()
    {
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(App, "customers", CustomersCsv()));
        Assert.Equal("partiallySucceeded", await ExportUploads.IngestAsync(App, "orders", OrdersCsv()));
        var regrade = new RegradeClient(App, fixture.Account);
        var january = await regrade.RunAsync(new { period = "2026-01" });
        using (var pin = await App.SendAsync(HttpMethod.Put, "/api/manage/overrides/C007", Who.Administrator,
                   JsonContent.Create(new { tier = "VIP", reason = "Wang Fang's framework contract", expires = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        }

        var february = await regrade.RunAsync(new { period = "2026-02" });
        var before = await ScanAsync();
        var places = string.Join("\n", before);
        Assert.True(before.Any(p => p.StartsWith("table Customers", StringComparison.Ordinal)), places);
        Assert.True(before.Any(p => p.StartsWith("blob snapshots/", StringComparison.Ordinal) && p.EndsWith(".parquet", StringComparison.Ordinal)), places);

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _, _) in Subjects)
        {
            using var access = await App.SendAsync(HttpMethod.Get, $"/api/manage/privacy/customers/{id}", Who.PrivacyOfficer);
            Assert.Equal(HttpStatusCode.OK, access.StatusCode);
            var view = await access.Content.ReadFromJsonAsync<JsonElement>();
            named.UnionWith(view.GetProperty("rows").EnumerateArray().Select(r =>
                $"table {r.GetProperty("table").GetString()} {r.GetProperty("partitionKey").GetString()}/{r.GetProperty("rowKey").GetString()}"));
            named.UnionWith(view.GetProperty("files").EnumerateArray().Select(f => $"blob {f.GetProperty("container").GetString()}/{f.GetProperty("path").GetString()}"));
        }

        Assert.Empty(before.Except(named));
        var (januaryBefore, februaryBefore) = (await Others(regrade, january), await Others(regrade, february));

        using (var refused = await App.SendAsync(HttpMethod.Post, "/api/manage/privacy/erasures", Who.Administrator, JsonContent.Create(new { customerIds = new[] { "C007" } })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var accepted = await App.SendAsync(HttpMethod.Post, "/api/manage/privacy/erasures", Who.PrivacyOfficer,
            JsonContent.Create(new { customerIds = Subjects.Select(s => s.Id).ToArray() }));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var request = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var done = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await App.SendAsync(HttpMethod.Get, $"/api/manage/privacy/erasures/{request}", Who.PrivacyOfficer);
            var body = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "done" ? body : null;
        }, "the erasure to be done", TimeSpan.FromSeconds(90));

        var record = JsonDocument.Parse(done).RootElement;
        Assert.Equal(3, record.GetProperty("customers").GetInt32());
        Assert.Equal(Callers.User(Who.PrivacyOfficer).Name, record.GetProperty("requestedBy").GetProperty("name").GetString());
        Assert.Empty(await ScanAsync());
        Assert.Equal(januaryBefore, await Others(regrade, january));
        Assert.Equal(februaryBefore, await Others(regrade, february));

        var again = await regrade.RunAsync(new { period = "2026-02" });
        var regraded = await regrade.GradesAsync(again);
        Assert.Equal(27, regraded.Count);
        Assert.DoesNotContain(regraded.Keys, id => Subjects.Any(s => s.Id == id));

        using var reupload = await App.SendAsync(HttpMethod.Post, "/api/exports/customers?name=customers-again.csv", Who.Portal, ExportUploads.Body(CustomersCsv()));
        var statusUrl = (await reupload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        var ingestion = await Eventually.ReturnsAsync(async () =>
        {
            var body = await (await App.GetAsync(statusUrl)).Content.ReadAsStringAsync();
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "succeeded" ? body : null;
        }, "the customers to be ingested again");
        var ingested = JsonDocument.Parse(ingestion).RootElement;
        Assert.Equal((27, 3), (ingested.GetProperty("rows").GetInt32(), ingested.GetProperty("erased").GetInt32()));
        // The new upload itself holds them (the uploader sent it); nothing the product made from it does.
        var left = Assert.Single(await ScanAsync());
        Assert.True(left.StartsWith("blob exports/", StringComparison.Ordinal) && left.EndsWith("-customers-again.csv", StringComparison.Ordinal), left);
    }

    private static async Task<SortedDictionary<string, string>> Others(RegradeClient regrade, string runId) =>
        new((await regrade.GradesAsync(runId)).Where(g => Subjects.All(s => s.Id != g.Key)).ToDictionary(), StringComparer.Ordinal);

    /// <summary>Every table row and every blob of the whole account that holds one of the subjects' ids, names or e-mail addresses.</summary>
    private async Task<List<string>> ScanAsync()
    {
        var found = new List<string>();
        await foreach (var table in fixture.Account.Tables.QueryAsync())
        {
            await foreach (var row in fixture.Account.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = string.Join("\n", row.Select(p => $"{p.Key}={p.Value}"));
                if (Mentions(text))
                {
                    found.Add($"table {table.Name} {row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        await foreach (var container in fixture.Account.Blobs.GetBlobContainersAsync())
        {
            var client = fixture.Account.Blobs.GetBlobContainerClient(container.Name);
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

    private static bool Mentions(string text) => Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
