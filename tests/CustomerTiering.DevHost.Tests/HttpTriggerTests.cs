using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class HttpTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private DevHostRunner _host = null!;

    public async Task InitializeAsync() => _host = await DevHostRunner.StartAsync(azurite, ["Echo", "ManageEcho"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_reaches_the_worker_with_method_path_query_headers_and_body_intact()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/echo/customers/C%2F001?tier=VIP&name=%E5%BC%A0%E4%B8%89")
        {
            Content = new StringContent("{\"amount\":\"1,234.50\",\"名称\":\"张三\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", DevHostRunner.FunctionKey);
        request.Headers.Add("Accept-Language", "zh-CN");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PUT", echo.GetProperty("method").GetString());
        Assert.Equal("/api/echo/customers/C%2F001", echo.GetProperty("path").GetString());
        Assert.Equal("?tier=VIP&name=%E5%BC%A0%E4%B8%89", echo.GetProperty("query").GetString());
        Assert.Equal("zh-CN", echo.GetProperty("headers").GetProperty("accept-language").GetString());
        Assert.StartsWith("application/json", echo.GetProperty("headers").GetProperty("content-type").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"amount\":\"1,234.50\",\"名称\":\"张三\"}", echo.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_large_body_is_streamed_through_unchanged()
    {
        var body = string.Concat(Enumerable.Repeat("customer;order;amount\n", 200_000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/echo/upload?code=" + DevHostRunner.FunctionKey) { Content = new StringContent(body) };

        using var response = await _host.Client.SendAsync(request);

        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(body.Length, echo.GetProperty("body").GetString()!.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_key_gets_401_and_never_reaches_the_worker(string? key)
    {
        var before = (await _host.RecordedAsync("Echo")).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/anything");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, (await _host.RecordedAsync("Echo")).Length);
    }

    [Fact]
    public async Task A_function_key_on_an_admin_function_gets_403_and_the_master_key_passes()
    {
        using var withFunctionKey = new HttpRequestMessage(HttpMethod.Post, "/api/manage/echo");
        withFunctionKey.Headers.Add("x-functions-key", DevHostRunner.FunctionKey);
        using var withMasterKey = new HttpRequestMessage(HttpMethod.Post, "/api/manage/echo?code=" + DevHostRunner.MasterKey);

        using var refused = await _host.Client.SendAsync(withFunctionKey);
        using var accepted = await _host.Client.SendAsync(withMasterKey);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("POST", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("PATCH", "/api/echo/x")]
    [InlineData("GET", "/echo/x")]
    public async Task A_request_no_function_serves_gets_404(string method, string path)
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path + "?code=" + DevHostRunner.MasterKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
