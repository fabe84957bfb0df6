using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using MiniExcelLibs;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A sales rep reads her own book, everywhere, through the dev host and the real worker: the customers whose owner is
/// "Li Na" (which the owner directory maps to her) or her own e-mail address as an export wrote it. The rest of the
/// shop is unknown to her, and nothing she reads counts it. Administrators keep the directory.
/// </summary>
public sealed class OwnBookTests(OwnBookTests.Fixture fixture) : IClassFixture<OwnBookTests.Fixture>
{
    /// <summary>A shop of two graded periods whose owners are Li Na, her e-mail address, Wang Wei and Zhang Min; one in eleven has none.</summary>
    public sealed class Fixture : AppFixture
    {
        public const int Customers = 66;

        /// <summary>A name a spreadsheet would run as a formula, on a customer of Li Na's book.</summary>
        public const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

        protected override async Task SeedAsync()
        {
            await SampleShop.SeedAsync(Account, Customers, ownerOf: OwnerOf);
            var hostile = new CustomerProfile(CustomerId.Create("C0000"), Formula, CustomerType.Enterprise, "East", "Web", OwnerOf(0), null);
            await Account.Tables.GetTableClient(StorageNames.CustomersTable).UpsertEntityAsync(CustomerEntities.ToEntity(hostile, "seed", DateTimeOffset.UnixEpoch));
        }

        protected override async Task PrepareAsync()
        {
            using var mapped = await App.SendAsync(HttpMethod.Put, "/api/manage/owner-directory/Li%20Na", Who.Administrator, JsonContent.Create(new { user = "li.na@demo.example" }));
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
            var regrade = new RegradeClient(App, Account);
            await regrade.RunAsync(new { period = "2026-09" });
            await regrade.RunAsync(new { period = "2026-10" });
        }

        public static string? OwnerOf(int c) => c % 11 == 1 ? null : (c % 4) switch
        {
            0 => "Li Na",
            1 => "LI.NA@demo.example",
            2 => "Wang Wei",
            _ => "Zhang Min",
        };
    }

    private static readonly string[] BookOwners = ["LI.NA@demo.example", "Li Na"];

    private RunningApp App => fixture.App;

    private static IEnumerable<string> IdsOwnedBy(params string[] owners) =>
        Enumerable.Range(0, Fixture.Customers).Where(c => Fixture.OwnerOf(c) is { } o && owners.Contains(o)).Select(c => string.Create(CultureInfo.InvariantCulture, $"C{c:0000}"));

    [Fact]
    public async Task The_rep_lists_exactly_her_book_page_by_page_and_nothing_under_another_owner_or_none()
    {
        var book = await AllIdsAsync("/api/customers?pageSize=7", Who.Rep);
        var everyone = await AllIdsAsync("/api/customers?pageSize=50", Who.Manager);

        Assert.Equal(IdsOwnedBy(BookOwners).Order(StringComparer.Ordinal), book.Order(StringComparer.Ordinal));
        Assert.True(everyone.Count > book.Count);
        Assert.Empty(await AllIdsAsync("/api/owners/Wang%20Wei/customers", Who.Rep));
        Assert.Empty(await AllIdsAsync("/api/customers?owner=none", Who.Rep));
        Assert.Equal(IdsOwnedBy("Li Na").Order(StringComparer.Ordinal), (await AllIdsAsync("/api/owners/Li%20Na/customers", Who.Rep)).Order(StringComparer.Ordinal));
        Assert.Equal(IdsOwnedBy("Wang Wei").Order(StringComparer.Ordinal), (await AllIdsAsync("/api/owners/Wang%20Wei/customers", Who.Manager)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_customer_of_another_book_answers_exactly_like_an_unknown_one()
    {
        var theirs = IdsOwnedBy("Wang Wei").First();
        var mine = IdsOwnedBy("Li Na").First();

        var other = await ProblemAsync($"/api/customers/{theirs}");
        var unknown = await ProblemAsync("/api/customers/C9999");
        var otherHistory = await ProblemAsync($"/api/customers/{theirs}/history");
        using var own = await App.SendAsync(HttpMethod.Get, $"/api/customers/{mine}", Who.Rep);
        using var ownHistory = await App.SendAsync(HttpMethod.Get, $"/api/customers/{mine}/history", Who.Rep);
        using var managerReads = await App.SendAsync(HttpMethod.Get, $"/api/customers/{theirs}", Who.Manager);

        Assert.Equal((HttpStatusCode.NotFound, unknown.Title), (other.Status, other.Title));
        Assert.Equal(unknown.Detail!.Replace("C9999", theirs, StringComparison.Ordinal), other.Detail);
        Assert.Equal(HttpStatusCode.NotFound, otherHistory.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (own.StatusCode, ownHistory.StatusCode, managerReads.StatusCode));
        Assert.Equal(2, (await ownHistory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public async Task Movements_owners_and_the_summary_hold_her_book_and_count_nothing_else()
    {
        var movers = await AllAsync("/api/movements?pageSize=50", Who.Rep);
        var allMovers = await AllAsync("/api/movements?pageSize=50", Who.Manager);
        Assert.Equal(
            allMovers.Where(m => BookOwners.Contains(m.GetProperty("owner").GetString())).Select(m => m.GetProperty("id").GetString()),
            movers.Select(m => m.GetProperty("id").GetString()));

        var owners = await GetAsync("/api/owners", Who.Rep);
        var allOwners = await GetAsync("/api/owners", Who.Manager);
        Assert.Equal(BookOwners, owners.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("owner").GetString()));
        Assert.Empty(owners.GetProperty("withoutOwner").EnumerateObject());
        Assert.Contains("Wang Wei", allOwners.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("owner").GetString()));

        var summary = await GetAsync("/api/tiers/summary", Who.Rep);
        var books = allOwners.GetProperty("owners").EnumerateArray().Where(o => BookOwners.Contains(o.GetProperty("owner").GetString())).ToList();
        Assert.Equal("book", summary.GetProperty("scope").GetString());
        Assert.Equal(IdsOwnedBy(BookOwners).Count(), summary.GetProperty("customers").GetInt32());
        Assert.Equal(books.Sum(b => b.GetProperty("revenue").GetDecimal()), summary.GetProperty("revenue").GetDecimal());
        Assert.Equal(summary.GetProperty("customers").GetInt32(), summary.GetProperty("tiers").EnumerateArray().Sum(t => t.GetProperty("customers").GetInt32()));
        Assert.All(summary.GetProperty("tiers").EnumerateArray(), t => Assert.NotEqual(JsonValueKind.Null, t.GetProperty("customersChange").ValueKind));
        Assert.Equal((0, 0, JsonValueKind.Null, JsonValueKind.Null), (summary.GetProperty("segments").GetArrayLength(), summary.GetProperty("movements").EnumerateObject().Count(),
            summary.GetProperty("risingStars").ValueKind, summary.GetProperty("kpis").ValueKind));
        Assert.Equal("all", (await GetAsync("/api/tiers/summary", Who.Manager)).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task The_directory_lists_unmatched_owners_refuses_a_bad_file_whole_and_records_who_changed_it()
    {
        var directory = await GetAsync("/api/manage/owner-directory", Who.Administrator);
        Assert.Equal(["Wang Wei", "Zhang Min"], directory.GetProperty("unmatched").EnumerateArray().Select(o => o.GetString()));

        using var bad = await UploadAsync("owner,user\nZhang Min,zhang.min@demo.example\nWang Wei,not a user\nZhang Min,z@demo.example\n");
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["line 3", "line 4"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var latin1 = await UploadAsync("owner,user\nJos\u00e9,jose@demo.example\n", Encoding.Latin1);
        Assert.Equal(HttpStatusCode.BadRequest, latin1.StatusCode);
        Assert.Contains("UTF-8", await latin1.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await GetAsync("/api/manage/owner-directory", Who.Administrator)).GetProperty("unmatched").GetArrayLength());

        using var good = await UploadAsync("\uFEFFUser;Owner\nzhang.min@demo.example;Zhang Min\n".Replace(';', ','));
        var after = await good.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(["Wang Wei"], after.GetProperty("unmatched").EnumerateArray().Select(o => o.GetString()));
        var change = after.GetProperty("changes")[0];
        var admin = Callers.User(Who.Administrator);
        Assert.Equal(("Set", "Zhang Min", "zhang.min@demo.example", admin.ObjectId, admin.Name),
            (change.GetProperty("action").GetString(), change.GetProperty("owner").GetString(), change.GetProperty("user").GetString(),
                change.GetProperty("who").GetProperty("objectId").GetString(), change.GetProperty("who").GetProperty("name").GetString()));

        using var removed = await App.SendAsync(HttpMethod.Delete, "/api/manage/owner-directory/Zhang%20Min", Who.Administrator);
        using var again = await App.SendAsync(HttpMethod.Delete, "/api/manage/owner-directory/Zhang%20Min", Who.Administrator);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (removed.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task Lists_download_whole_as_xlsx_and_csv_within_her_book_with_formulas_guarded()
    {
        using var xlsx = await App.SendAsync(HttpMethod.Get, "/api/customers?format=xlsx&pageSize=5", Who.Rep);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(IdsOwnedBy(BookOwners).Order(StringComparer.Ordinal), rows.Select(r => (string)r["customerId"]).Order(StringComparer.Ordinal));
        Assert.Equal("'" + Fixture.Formula, rows.Single(r => (string)r["customerId"] == "C0000")["name"]);
        Assert.All(rows, r => Assert.Contains((string)r["owner"], BookOwners));

        using var request = App.Request(HttpMethod.Get, "/api/movements", Who.Rep);
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await App.Client.SendAsync(request);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("customerId,name,", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            (await AllAsync("/api/movements?pageSize=50", Who.Rep)).Select(m => m.GetProperty("id").GetString()),
            lines.Skip(1).Select(l => l.Split(',')[0]));

        using var theirs = await App.SendAsync(HttpMethod.Get, "/api/owners/Wang%20Wei/customers?format=csv", Who.Rep);
        Assert.Single((await theirs.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header alone
        using var all = await App.SendAsync(HttpMethod.Get, "/api/customers?format=csv", Who.Manager);
        Assert.Equal(Fixture.Customers + 1, (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var overrides = await App.SendAsync(HttpMethod.Get, "/api/manage/overrides?format=csv", Who.Administrator);
        Assert.StartsWith("customerId,tier,reason,expires,active,setBy,setById,setAt", await overrides.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badFormat = await App.SendAsync(HttpMethod.Get, "/api/customers?format=pdf", Who.Manager);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    private Task<HttpResponseMessage> UploadAsync(string csv, Encoding? encoding = null) =>
        App.SendAsync(HttpMethod.Post, "/api/manage/owner-directory", Who.Administrator,
            new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv)) { Headers = { ContentType = new("text/csv") } });

    private async Task<JsonElement> GetAsync(string path, Who caller)
    {
        using var response = await App.SendAsync(HttpMethod.Get, path, caller);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpStatusCode Status, string? Title, string? Detail)> ProblemAsync(string path)
    {
        using var response = await App.SendAsync(HttpMethod.Get, path, Who.Rep);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
    }

    private async Task<List<string>> AllIdsAsync(string path, Who caller) =>
        [.. (await AllAsync(path, caller)).Select(c => c.GetProperty("id").GetString()!)];

    /// <summary>Every item of a list, following its continuation tokens.</summary>
    private async Task<List<JsonElement>> AllAsync(string path, Who caller)
    {
        var items = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await GetAsync(next is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}continuationToken={Uri.EscapeDataString(next)}", caller);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("continuationToken").GetString();
        }
        while (next is not null);
        return items;
    }
}
