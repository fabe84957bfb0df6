using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerTiering.Functions.Http;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The sales portal's API through the dev host, on a shop graded for two months.</summary>
public sealed partial class PortalEndToEndTests(PortalEndToEndTests.GradedShop shop) : IClassFixture<PortalEndToEndTests.GradedShop>
{
    private const int Customers = 240;

    private HttpClient Client => shop.App.Client;

    private HttpRequestMessage Get(string path, Who caller = Who.Manager, string? language = null)
    {
        var request = shop.App.Request(HttpMethod.Get, path, caller);
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        return request;
    }

    private async Task<JsonElement> GetJsonAsync(string path, string? language = null)
    {
        using var request = Get(path, language: language);
        using var response = await Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_customer_shows_their_tiers_playbook_in_the_language_asked_for_with_the_next_contact_due()
    {
        var english = await GetJsonAsync("/api/customers/C0005");
        var chinese = await GetJsonAsync("/api/customers/C0005", "zh-CN");
        var withoutContact = await GetJsonAsync("/api/customers/C0003");

        var tier = english.GetProperty("grade").GetProperty("tier").GetString()!;
        var service = CustomerTiering.Domain.Policy.TieringPolicy.Default.Service[tier];
        var playbook = english.GetProperty("playbook");
        Assert.Equal(tier, playbook.GetProperty("tier").GetString());
        Assert.Equal(service.DedicatedManager, playbook.GetProperty("dedicatedManager").GetBoolean());
        Assert.Equal(service.ComplaintPriority, playbook.GetProperty("complaintPriority").GetInt32());
        Assert.Equal(service.Benefits.Select(b => b.En), playbook.GetProperty("benefits").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(service.Benefits.Select(b => b.Zh), chinese.GetProperty("playbook").GetProperty("benefits").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains(chinese.GetProperty("playbook").GetProperty("channels").EnumerateArray(), c => c.GetString() is "电话" or "群发邮件" or "电子邮件" or "上门拜访" or "自助服务");
        var lastContact = new DateOnly(2026, 1, 6);
        Assert.Equal(lastContact.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), playbook.GetProperty("lastContact").GetString());
        Assert.Equal(service.ContactEveryDays is { } days ? lastContact.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            playbook.GetProperty("nextContactDue").GetString());
        Assert.Equal(JsonValueKind.Null, withoutContact.GetProperty("playbook").GetProperty("nextContactDue").ValueKind);
    }

    [Fact]
    public async Task Owners_books_add_up_to_the_period_and_an_owners_book_pages_to_the_end_without_repeats()
    {
        var owners = await GetJsonAsync("/api/owners");
        var summary = await GetJsonAsync("/api/tiers/summary");
        var books = owners.GetProperty("owners").EnumerateArray().ToList();
        var withoutOwner = owners.GetProperty("withoutOwner").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

        Assert.Equal(["owner0", "owner1", "owner2", "owner3"], books.Select(b => b.GetProperty("owner").GetString()));
        Assert.Equal(Customers - Enumerable.Range(0, Customers).Count(c => c % 11 == 1), books.Sum(b => b.GetProperty("customers").GetInt32()));
        Assert.Equal(withoutOwner, summary.GetProperty("withoutOwner").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await GetJsonAsync("/api/owners/owner1/customers?pageSize=7" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, c => Assert.Equal("owner1", c.GetProperty("owner").GetString()));
            seen.AddRange(items.Select(c => c.GetProperty("id").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(books.Single(b => b.GetProperty("owner").GetString() == "owner1").GetProperty("customers").GetInt32(), seen.Count);

        // Nobody owns C0001, C0012, …: those in tiers whose playbook wants a dedicated manager are owner=none.
        var none = (await GetJsonAsync("/api/customers?owner=none&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(withoutOwner.Values.Sum(), none.Count);
        Assert.NotEmpty(none);
        Assert.All(none, c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("owner").ValueKind);
            Assert.True(CustomerTiering.Domain.Policy.TieringPolicy.Default.Service[c.GetProperty("grade").GetProperty("tier").GetString()!].DedicatedManager);
        });
    }

    [Fact]
    public async Task The_tier_summary_carries_each_tiers_kpis_and_the_revenue_concentration()
    {
        var summary = await GetJsonAsync("/api/tiers/summary");
        var kpis = summary.GetProperty("kpis");
        var tiers = summary.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("group").GetString()!, t => t.GetProperty("customers").GetInt32());

        Assert.Equal(tiers, kpis.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("group").GetString()!, t => t.GetProperty("customers").GetInt32()));
        Assert.All(kpis.GetProperty("tiers").EnumerateArray().Where(t => t.GetProperty("customers").GetInt32() > 0),
            t => Assert.True(t.GetProperty("medianRevenue").GetDecimal() <= t.GetProperty("revenue").GetDecimal()));
        var concentration = kpis.GetProperty("concentration");
        Assert.Equal(101, concentration.GetProperty("pareto").GetArrayLength());
        Assert.InRange(concentration.GetProperty("top20Percent").GetDouble(), concentration.GetProperty("top5Percent").GetDouble(), 1.0);
        Assert.Contains(kpis.GetProperty("tiers").EnumerateArray(), t => t.GetProperty("retention").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_customer_shows_their_grade_with_reasons_in_the_language_asked_for()
    {
        var english = await GetJsonAsync("/api/customers/C0003");
        var chinese = await GetJsonAsync("/api/customers/C0003", "zh-CN,zh;q=0.9,en;q=0.5");

        Assert.Equal("C0003", english.GetProperty("id").GetString());
        Assert.Equal("owner3", english.GetProperty("owner").GetString());
        var grade = english.GetProperty("grade");
        Assert.Equal("2026-02", grade.GetProperty("period").GetString());
        Assert.Equal(shop.February, grade.GetProperty("runId").GetString());
        Assert.Matches("^(VIP|A|B|C|D)$", grade.GetProperty("tier").GetString());
        Assert.InRange(grade.GetProperty("recencyScore").GetInt32(), 1, 5);
        Assert.Matches(@"^\d{4}-\d{2}$", grade.GetProperty("tierSince").GetString());
        var englishReasons = grade.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
        var chineseReasons = chinese.GetProperty("grade").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
        Assert.Equal(englishReasons.Count, chineseReasons.Count);
        Assert.All(englishReasons, r => Assert.DoesNotMatch(Cjk(), r));
        Assert.All(chineseReasons, r => Assert.Matches(Cjk(), r));

        using var request = Get("/api/customers/C0003", language: "zh-CN");
        using var response = await Client.SendAsync(request);
        Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task History_has_the_customer_in_every_graded_period()
    {
        var history = await GetJsonAsync("/api/customers/C0010/history");

        Assert.Equal(["2026-01", "2026-02"], history.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
    }

    [Theory]
    [InlineData("/api/customers/NOPE", 404, null)]
    [InlineData("/api/customers/C0003?period=2025-05", 404, null)]
    [InlineData("/api/customers/C0003?period=May", 400, "period")]
    [InlineData("/api/customers/%20C0003", 400, "id")]
    [InlineData("/api/customers/NOPE/history", 404, null)]
    [InlineData("/api/customers?abc=D", 400, "abc")]
    [InlineData("/api/customers?lifecycle=Zombie", 400, "lifecycle")]
    [InlineData("/api/customers?risingStar=maybe", 400, "risingStar")]
    [InlineData("/api/customers?pageSize=101", 400, "pageSize")]
    [InlineData("/api/customers?pageSize=-1", 400, "pageSize")]
    [InlineData("/api/customers?continuationToken=eyJxIjoiMSIsImMiOiIyIn0", 400, "continuationToken")]
    [InlineData("/api/customers?continuationToken=%%%", 400, "continuationToken")]
    [InlineData("/api/movements?direction=sideways", 400, "direction")]
    [InlineData("/api/tiers/summary?period=1999-01", 400, "period")]
    [InlineData("/api/policy/versions/nope", 404, null)]
    public async Task Bad_requests_get_a_problem_naming_what_is_wrong(string path, int status, string? field)
    {
        using var request = Get(path);
        using var response = await Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task A_huge_id_is_refused_before_it_reaches_storage()
    {
        using var request = Get("/api/customers/" + new string('x', 5000));
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Paging_through_every_customer_gives_each_once_in_a_stable_order()
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync("/api/customers?pageSize=17" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 17);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.True(pages > 5, $"{pages} pages");
        Assert.Equal(Customers, seen.Count);
        Assert.Equal(Customers, seen.Distinct().Count());
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_a_token_cannot_be_replayed_on_other_filters()
    {
        var summary = await GetJsonAsync("/api/tiers/summary");
        var tierD = summary.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("group").GetString() == "D").GetProperty("customers").GetInt32();

        var all = new List<JsonElement>();
        string? token = null;
        JsonElement page;
        do
        {
            page = await GetJsonAsync("/api/customers?tier=D&pageSize=50" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (token is not null)
            {
                using var replay = Get("/api/customers?tier=VIP&pageSize=50&continuationToken=" + Uri.EscapeDataString(token));
                using var refused = await Client.SendAsync(replay);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            }
        }
        while (token is not null);

        Assert.Equal(tierD, all.Count);
        Assert.All(all, c => Assert.Equal("D", c.GetProperty("grade").GetProperty("tier").GetString()));
        var east = await GetJsonAsync("/api/customers?region=East&owner=owner0&pageSize=100");
        Assert.All(east.GetProperty("items").EnumerateArray(), c => Assert.Equal(("East", "owner0"), (c.GetProperty("region").GetString(), c.GetProperty("owner").GetString())));
    }

    [Fact]
    public async Task Movements_list_who_moved_which_way_with_reasons()
    {
        var up = await GetJsonAsync("/api/movements?direction=up&pageSize=100");
        var down = await GetJsonAsync("/api/movements?direction=DOWN&pageSize=100");

        Assert.NotEmpty(up.GetProperty("items").EnumerateArray());
        Assert.All(up.GetProperty("items").EnumerateArray(), c => Assert.Equal("up", c.GetProperty("grade").GetProperty("movement").GetString()));
        Assert.All(down.GetProperty("items").EnumerateArray(), c => Assert.Equal("down", c.GetProperty("grade").GetProperty("movement").GetString()));
        Assert.All(up.GetProperty("items").EnumerateArray(), c => Assert.NotEqual(
            c.GetProperty("grade").GetProperty("previousTier").GetString(), c.GetProperty("grade").GetProperty("tier").GetString()));
    }

    [Fact]
    public async Task The_summary_spreads_customers_and_revenue_over_tiers_with_the_change_since_last_period()
    {
        var summary = await GetJsonAsync("/api/tiers/summary");

        Assert.Equal("2026-02", summary.GetProperty("period").GetString());
        Assert.Equal("2026-01", summary.GetProperty("previousPeriod").GetString());
        var tiers = summary.GetProperty("tiers").EnumerateArray().ToList();
        Assert.Equal(["VIP", "A", "B", "C", "D"], tiers.Select(t => t.GetProperty("group").GetString()));
        Assert.Equal(Customers, tiers.Sum(t => t.GetProperty("customers").GetInt32()));
        Assert.Equal(1.0, tiers.Sum(t => t.GetProperty("revenueShare").GetDouble()), 6);
        Assert.All(tiers, t => Assert.Equal(JsonValueKind.Number, t.GetProperty("customersChange").ValueKind));
        Assert.Equal(0, tiers.Sum(t => t.GetProperty("customersChange").GetInt32()) - (Customers - (await GetJsonAsync("/api/tiers/summary?period=2026-01")).GetProperty("customers").GetInt32()));
        Assert.NotEmpty(summary.GetProperty("segments").EnumerateArray());
        Assert.NotEmpty(summary.GetProperty("lifecycle").EnumerateArray());
    }

    [Fact]
    public async Task An_on_demand_run_names_the_administrator_who_asked_for_it()
    {
        using var response = await shop.App.SendAsync(HttpMethod.Get, $"/api/manage/runs/{shop.February}", Who.Administrator);
        var requestedBy = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetProperty("requestedBy");
        var admin = Callers.User(Who.Administrator);

        Assert.Equal((admin.ObjectId, admin.Name), (requestedBy.GetProperty("objectId").GetString(), requestedBy.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Periods_are_listed_newest_first_with_their_runs()
    {
        var periods = (await GetJsonAsync("/api/periods")).EnumerateArray().ToList();

        Assert.Equal(["2026-02", "2026-01"], periods.Select(p => p.GetProperty("period").GetString()));
        Assert.True(periods[0].GetProperty("current").GetBoolean());
        Assert.Equal(shop.February, periods[0].GetProperty("runId").GetString());
    }

    [Theory]
    [InlineData("/api/customers/C0003")]
    [InlineData("/api/customers/C0003/history")]
    [InlineData("/api/customers?tier=B")]
    [InlineData("/api/tiers/summary")]
    [InlineData("/api/policy")]
    public async Task A_matching_etag_gets_304_and_a_closed_period_is_cached_longer(string path)
    {
        using var first = await Client.SendAsync(Get(path));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("private", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var again = Get(path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var chinese = Get(path, language: "zh-CN");
        chinese.Headers.IfNoneMatch.Add(etag);
        using var other = await Client.SendAsync(chinese);
        // The policy reads the same in every language; everything else (the summary too, for its warnings) is told in the one asked for.
        Assert.Equal(path.Contains("policy", StringComparison.Ordinal) ? HttpStatusCode.NotModified : HttpStatusCode.OK, other.StatusCode);

        using var closed = await Client.SendAsync(Get("/api/customers/C0003?period=2026-01"));
        Assert.Equal(TimeSpan.FromDays(1), closed.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task Reads_need_a_token_writes_the_administrator_role_and_the_docs_are_open()
    {
        using var anonymous = await Client.SendAsync(Get("/api/customers/C0003", Who.Nobody));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var managerWrite = await PutPolicyAsync("{}", Who.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, managerWrite.StatusCode);

        using var docs = await Client.SendAsync(Get("/api/docs", Who.Nobody));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        using var script = await Client.SendAsync(Get("/api/docs/scalar.js", Who.Nobody));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task A_cors_preflight_from_the_portal_is_answered_and_other_origins_are_not()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/customers/C0003");
        preflight.Headers.Add("Origin", RunningApp.PortalOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var answered = await Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal(RunningApp.PortalOrigin, answered.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var get = Get("/api/customers/C0003");
        get.Headers.Add("Origin", RunningApp.PortalOrigin);
        using var actual = await Client.SendAsync(get);
        Assert.Contains("ETag", actual.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        using var stranger = new HttpRequestMessage(HttpMethod.Options, "/api/customers/C0003");
        stranger.Headers.Add("Origin", "https://evil.example");
        stranger.Headers.Add("Access-Control-Request-Method", "GET");
        using var refused = await Client.SendAsync(stranger);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_new_policy_version_is_validated_stored_once_and_becomes_current()
    {
        var current = (await GetJsonAsync("/api/policy")).GetRawText();
        var invalid = JsonNode.Parse(current)!;
        invalid["version"] = "bad-1";
        invalid["tiers"]!["weights"]!["monetary"] = 0.9;
        using var refused = await PutPolicyAsync(invalid.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("weights", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var nextPolicy = JsonNode.Parse(current)!;
        nextPolicy["version"] = "portal-2";
        var next = nextPolicy.ToJsonString();
        using var created = await PutPolicyAsync(next);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/policy/versions/portal-2", created.Headers.Location!.ToString());
        using var again = await PutPolicyAsync(next);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("portal-2", (await GetJsonAsync("/api/policy/versions/portal-2")).GetProperty("version").GetString());
        // Who saved it, from the token.
        using var versions = await shop.App.SendAsync(HttpMethod.Get, "/api/manage/policy/versions", Who.Administrator);
        var saved = (await versions.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(v => v.GetProperty("version").GetString() == "portal-2");
        var admin = Callers.User(Who.Administrator);
        Assert.Equal((admin.ObjectId, admin.Name), (saved.GetProperty("savedBy").GetProperty("objectId").GetString(), saved.GetProperty("savedBy").GetProperty("name").GetString()));

        using var tooBig = await PutPolicyAsync("{\"version\":\"" + new string('x', JsonBody.MaxBytes) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    private Task<HttpResponseMessage> PutPolicyAsync(string json, Who caller = Who.Administrator) =>
        shop.App.SendAsync(HttpMethod.Put, "/api/manage/policy", caller, new StringContent(json, Encoding.UTF8, "application/json"));

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    /// <summary>A shop of 240 customers graded for January and February 2026 through the app, which stays up for the tests.</summary>
    public sealed class GradedShop : IAsyncLifetime
    {
        private readonly AzuriteFixture _azurite = new();

        public RunningApp App { get; private set; } = null!;

        public string February { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await _azurite.InitializeAsync();
            await SampleShop.SeedAsync(_azurite.Account, Customers);
            App = await RunningApp.StartAsync(_azurite.ConnectionString, _azurite.ConnectionString);
            var regrade = new RegradeClient(App, _azurite.Account);
            await regrade.RunAsync(new { period = "2026-01" });
            February = await regrade.RunAsync(new { period = "2026-02" });
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await _azurite.DisposeAsync();
        }
    }
}
