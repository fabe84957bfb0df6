using System.Text;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Functions.Regrading;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>How an HTTP function's input is read from its request: typed values, defaults, every problem at once under the caller's names.</summary>
public sealed class HttpInputBinderTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddApiJson().BuildServiceProvider();

    private static async Task<T> BindAsync<T>(string query = "", Dictionary<string, object?>? route = null, string? body = null, string contentType = "application/json")
        where T : HttpInput
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.QueryString = new QueryString(query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        return (T)await HttpInputBinder.BindAsync(typeof(T), context.Request, route ?? [], CancellationToken.None);
    }

    private static IDictionary<string, string[]> Problems(HttpInput input)
    {
        var refusal = Assert.IsType<RefusedRequest>(input.Refusal);
        Assert.Equal(400, refusal.StatusCode);
        return Assert.IsType<HttpValidationProblemDetails>(refusal.Value).Errors;
    }

    [Fact]
    public async Task Query_values_arrive_typed_and_absent_ones_keep_their_defaults()
    {
        var input = await BindAsync<CustomerListInput>("?period=2026-02&lifecycle=growing&risingStar=true&abc=b&owner=Li%20Na");

        Assert.Null(input.Refusal);
        Assert.Equal("2026-02", input.Period.ToString());
        Assert.Equal(LifecycleStage.Growing, input.Lifecycle);
        Assert.True(input.RisingStar);
        Assert.Equal(50, input.PageSize);
        Assert.Null(input.Tier);
        var filter = input.Filter(input.Owner, needsOwner: false);
        Assert.Equal("B", filter.Abc);
        Assert.Equal("Li Na", filter.Owner);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_told_at_once_under_the_name_the_caller_used()
    {
        var input = await BindAsync<CustomerListInput>("?period=2026-13&pageSize=0&risingStar=maybe&abc=D&lifecycle=7&tier=" + new string('t', 65));

        var problems = Problems(input);
        Assert.Equal(["abc", "lifecycle", "pageSize", "period", "risingStar", "tier"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("period is a month, yyyy-MM, from 2000.", Assert.Single(problems["period"]));
        Assert.Equal("risingStar is true or false.", Assert.Single(problems["risingStar"]));
        Assert.StartsWith("lifecycle is one of prospect, new", Assert.Single(problems["lifecycle"]), StringComparison.Ordinal);
        Assert.Equal("pageSize is a whole number from 1 to 100.", Assert.Single(problems["pageSize"]));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData(" 5")]
    [InlineData("5.0")]
    [InlineData("99999999999")]
    public async Task A_number_is_digits_only(string top)
    {
        var input = await BindAsync<RecentInput>($"?top={Uri.EscapeDataString(top)}");

        Assert.Contains("top", Problems(input).Keys);
    }

    [Fact]
    public async Task Route_values_become_typed_ids_and_a_slash_in_a_customer_id_arrives_encoded()
    {
        var customer = await BindAsync<CustomerInput>(route: new() { ["id"] = "ACME%2FEU" });
        var run = await BindAsync<RunInput>(route: new() { ["id"] = "2026-02-scheduled" });

        Assert.Null(customer.Refusal);
        Assert.Equal("ACME/EU", customer.Id.Value);
        Assert.Equal("2026-02-scheduled", run.Id.Value);
    }

    [Theory]
    [InlineData("id", "2026-02-SCHEDULED", "id is a run id")]
    [InlineData("id", "../../etc/passwd", "id is a run id")]
    public async Task A_route_value_that_is_no_id_is_refused_with_what_an_id_is(string name, string value, string told)
    {
        var input = await BindAsync<RunInput>(route: new() { [name] = value });

        Assert.StartsWith(told, Assert.Single(Problems(input)[name]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_id_with_control_characters_or_spaces_around_it_is_refused()
    {
        Assert.Contains("id", Problems(await BindAsync<CustomerIdInput>(route: new() { ["id"] = "A\u0001B" })).Keys);
        Assert.Contains("id", Problems(await BindAsync<CustomerIdInput>(route: new() { ["id"] = " A" })).Keys);
        Assert.Contains("id", Problems(await BindAsync<CustomerIdInput>(route: new() { ["id"] = new string('x', 129) })).Keys);
    }

    [Fact]
    public async Task A_rule_across_fields_is_told_with_the_rest()
    {
        var input = await BindAsync<ExportInput>("?name=..%2F..%2Fsecret.exe&dateFormat=someday&profile=a%20b", new() { ["kind"] = "orders" });

        var problems = Problems(input);
        Assert.Equal(["dateFormat", "name", "profile"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("secret.exe", input.FileName);
    }

    [Fact]
    public async Task An_export_kind_is_a_name_in_any_case_and_never_a_number()
    {
        Assert.Null((await BindAsync<ExportInput>("?name=a.csv", new() { ["kind"] = "Orders" })).Refusal);
        Assert.Equal("kind is one of customers, orders, invoices.",
            Assert.Single(Problems(await BindAsync<ExportInput>("?name=a.csv", new() { ["kind"] = "1" }))["kind"]));
    }

    [Fact]
    public async Task A_json_body_is_read_into_the_input()
    {
        var input = await BindAsync<RegradeInput>(body: """{"period":"2026-02","dryRun":true,"shards":4}""");

        Assert.Null(input.Refusal);
        Assert.Equal("2026-02", input.Body!.Period);
        Assert.True(input.Body.DryRun);
        Assert.Equal(4, input.Body.Shards);
    }

    [Fact]
    public async Task No_body_reads_as_none()
    {
        var input = await BindAsync<RegradeInput>();

        Assert.Null(input.Refusal);
        Assert.Null(input.Body);
    }

    [Fact]
    public async Task A_body_that_does_not_parse_is_told_at_its_path()
    {
        var input = await BindAsync<RegradeInput>(body: """{"period":"2026-02","shards":"four"}""");

        Assert.Contains("shards", Problems(input).Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_one_over_the_limit_413()
    {
        var form = await BindAsync<RegradeInput>(body: "period=2026-02", contentType: "application/x-www-form-urlencoded");
        var huge = await BindAsync<RegradeInput>(body: "{\"period\":\"" + new string('x', JsonBody.MaxBytes) + "\"}");

        Assert.Equal(415, form.Refusal!.StatusCode);
        Assert.Equal(413, huge.Refusal!.StatusCode);
    }

    [Fact]
    public async Task A_json_null_body_is_refused()
    {
        Assert.Contains("body", Problems(await BindAsync<RegradeInput>(body: "null")).Keys);
    }

    [Fact]
    public async Task Every_input_of_the_app_says_where_each_value_comes_from_and_how_it_is_read()
    {
        foreach (var type in typeof(HttpInput).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(HttpInput)) && !t.IsAbstract))
        {
            var context = new DefaultHttpContext { RequestServices = Services };

            Assert.IsType(type, await HttpInputBinder.BindAsync(type, context.Request, new Dictionary<string, object?>(), CancellationToken.None));
        }
    }
}
