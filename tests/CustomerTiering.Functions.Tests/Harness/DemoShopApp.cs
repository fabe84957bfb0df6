using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Demo;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The demo shop of scripts/run.sh --demo (same generator and seed), uploaded through the API and graded for September
/// and October 2026, with the exports' owner "Li Na" mapped to the demo rep as scripts/demo.sh does.
/// </summary>
public sealed class DemoShopApp : IAsyncLifetime
{
    public const string Collection = "demo shop";

    public const string September = "2026-09";
    public const string October = "2026-10";
    private readonly AzuriteFixture _azurite = new();

    public RunningApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        App = await RunningApp.StartAsync(_azurite.ConnectionString, _azurite.ConnectionString);
        var folder = Directory.CreateTempSubdirectory("demo-").FullName;
        // A deadline against a hang, not a speed target: the demo's orders take about 20 s alone, longer beside other classes.
        var ingestion = TimeSpan.FromMinutes(3);
        try
        {
            DemoFiles.WriteCsv(DemoShop.Generate(3000, new DateOnly(2026, 10, 31), seed: 42), folder);
            Assert.Equal("succeeded", await ExportUploads.IngestAsync(App, "customers", await File.ReadAllTextAsync(Path.Combine(folder, "customers.csv")), ingestion));
            Assert.Equal("partiallySucceeded", await ExportUploads.IngestAsync(App, "orders", await File.ReadAllTextAsync(Path.Combine(folder, "orders.csv")), ingestion));
            Assert.Equal("succeeded", await ExportUploads.IngestAsync(App, "invoices", await File.ReadAllTextAsync(Path.Combine(folder, "invoices.csv")), ingestion));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        using var mapped = await App.SendAsync(HttpMethod.Put, "/api/manage/owner-directory/Li%20Na", Who.Administrator, JsonContent.Create(new { user = "li.na@demo.example" }));
        mapped.EnsureSuccessStatusCode();
        var regrade = new RegradeClient(App, _azurite.Account);
        await regrade.RunAsync(new { period = September });
        await regrade.RunAsync(new { period = October });
    }

    public async Task<JsonElement> GetJsonAsync(string path, string language, Who caller = Who.Portal)
    {
        using var request = App.Request(HttpMethod.Get, path, caller);
        request.Headers.Add("Accept-Language", language == "zh" ? "zh-CN" : "en");
        using var response = await App.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>The test classes that read the graded demo shop share one app: it takes half a minute to load and grade.</summary>
[CollectionDefinition(DemoShopApp.Collection)]
[LongScenario]
public sealed class DemoShopReaders : ICollectionFixture<DemoShopApp>;
