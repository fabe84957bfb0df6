using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The real handler, run by the dev host from its build output, against a real Azurite.</summary>
public sealed class HealthEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Nothing listens on port 9 of the loopback: every storage call fails fast.
    private const string Nowhere =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;" +
        "QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Health_answers_200_with_blob_queue_and_table_reachable()
    {
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString);

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        }
    }

    [Fact]
    public async Task Health_answers_503_naming_what_is_unreachable_when_storage_is_down()
    {
        await using var app = await RunningApp.StartAsync(Nowhere, azurite.ConnectionString);

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("storage").GetProperty("blob").GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("storage").GetProperty("blob").GetProperty("error").GetString()));
    }
}
