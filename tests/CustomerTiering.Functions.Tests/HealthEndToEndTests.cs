using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The real handlers, run by the dev host from its build output: anyone learns the status alone; an administrator
/// learns each storage service and what went wrong.
/// </summary>
public sealed class HealthEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Nothing listens on port 9 of the loopback: every storage call fails fast.
    private const string Nowhere =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;" +
        "QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Health_answers_200_with_the_status_alone_and_an_administrator_sees_blob_queue_and_table_reachable()
    {
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString);

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var details = await app.SendAsync(HttpMethod.Get, "/api/manage/health", Who.Administrator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var body = await details.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        }
    }

    [Fact]
    public async Task Health_answers_503_to_anyone_without_the_storage_error_which_only_an_administrator_reads()
    {
        await using var app = await RunningApp.StartAsync(Nowhere, azurite.ConnectionString);

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var details = await app.SendAsync(HttpMethod.Get, "/api/manage/health", Who.Administrator);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unhealthy"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, details.StatusCode);
        var blob = (await details.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storage").GetProperty("blob");
        Assert.False(blob.GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(blob.GetProperty("error").GetString()));
    }
}
