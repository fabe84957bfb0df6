using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class HandlerProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string Http(string route, string method) => $$"""
        { "bindings": [
          { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous", "methods": ["{{method}}"], "route": "{{route}}" },
          { "type": "http", "direction": "out", "name": "res" } ] }
        """;

    [Fact]
    public async Task A_handler_that_dies_is_started_again()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Process"] = Http("process", "get"),
            ["Exit"] = Http("process/exit", "post"),
        });
        var first = await ProcessIdAsync(host.Client);

        try
        {
            using var _ = await host.Client.PostAsync(new Uri("/api/process/exit", UriKind.Relative), null);
        }
        catch (HttpRequestException)
        {
            // the handler may die before it answers
        }

        var second = await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return await ProcessIdAsync(host.Client) is var id && id != first ? (object)id : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, "a new handler process");

        Assert.NotEqual(first, (int)second);
    }

    private static async Task<int> ProcessIdAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/process", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"status {(int)response.StatusCode}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
