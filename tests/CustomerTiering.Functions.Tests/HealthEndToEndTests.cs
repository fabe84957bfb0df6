using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.DevHost;
using CustomerTiering.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The real handler, run by the dev host from its build output, against a real Azurite.</summary>
public sealed class HealthEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_answers_200_with_blob_queue_and_table_reachable()
    {
        var settings = Path.GetTempFileName();
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            Values = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["TieringStorage"] = azurite.ConnectionString,
            },
        }));
        var host = DevHostApplication.Create(new DevHostOptions
        {
            AppRoot = RepositoryPaths.BuildOutput("CustomerTiering.Functions"),
            SettingsFile = settings,
            Port = 0,
        });
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("healthy", body.GetProperty("status").GetString());
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
            }
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
            File.Delete(settings);
        }
    }

    [Fact]
    public async Task Health_answers_503_naming_what_is_unreachable_when_storage_is_down()
    {
        var settings = Path.GetTempFileName();
        // Nothing listens on port 9 of the loopback: every storage call fails fast.
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Values = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["TieringStorage"] = nowhere } }));
        var host = DevHostApplication.Create(new DevHostOptions { AppRoot = RepositoryPaths.BuildOutput("CustomerTiering.Functions"), SettingsFile = settings, Port = 0 });
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unhealthy", body.GetProperty("status").GetString());
            Assert.False(body.GetProperty("storage").GetProperty("blob").GetProperty("reachable").GetBoolean());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("storage").GetProperty("blob").GetProperty("error").GetString()));
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
            File.Delete(settings);
        }
    }
}
