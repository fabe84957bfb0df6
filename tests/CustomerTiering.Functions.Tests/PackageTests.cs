using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The deployable zip: what it holds, and the app running from it unpacked, through the dev host.</summary>
public sealed class PackageTests(AzuriteFixture azurite, PackageTests.BuiltPackage package) : IClassFixture<AzuriteFixture>, IClassFixture<PackageTests.BuiltPackage>
{
    private string Zip => package.Zip;

    /// <summary>The zip, built once for the class by scripts/package.sh.</summary>
    public sealed class BuiltPackage : IAsyncLifetime
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("package-").FullName;

        public string Zip => Path.Combine(Folder, "customer-tiering.zip");

        public Task InitializeAsync() => RepositoryScript.RunAsync("package.sh", Folder);

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void The_zip_holds_the_worker_its_metadata_and_the_sdk_extension_folder_and_no_local_settings()
    {
        using var zip = ZipFile.OpenRead(Zip);
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("host.json", names);
        Assert.Contains("functions.metadata", names);
        Assert.Contains("worker.config.json", names);
        Assert.Contains("CustomerTiering.Functions.dll", names);
        Assert.Contains(names, n => n.StartsWith(".azurefunctions/", StringComparison.Ordinal));
        using var metadata = System.Text.Json.JsonDocument.Parse(zip.GetEntry("functions.metadata")!.Open());
        Assert.Equal(
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.BuildOutput("CustomerTiering.Functions"), "functions.metadata")))
                .RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(),
            metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());
        Assert.DoesNotContain(names, n => n.StartsWith("local.settings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_unpacked_from_the_zip_ingests_uploads_and_completes_a_regrade()
    {
        var root = Path.Combine(package.Folder, "unpacked");
        ZipFile.ExtractToDirectory(Zip, root);

        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, appRoot: root);
        using var health = await app.Client.GetAsync("/api/health");
        using var docs = await app.Client.GetAsync("/api/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);

        var customers = "Customer ID,Name,Owner\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"P{i:00},Shop {i},owner{i % 3}\n"));
        var orders = "Order ID,Customer ID,Order Date,Amount\n" + string.Concat(Enumerable.Range(1, 40).SelectMany(i =>
            Enumerable.Range(1, 1 + (i % 5)).Select(n => $"P{i:00}-{n},P{i:00},2026-0{1 + (n % 9)}-1{n % 10},{i * 10 + n}\n")));
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(app, "customers", customers));
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(app, "orders", orders));

        var regrade = new RegradeClient(app, azurite.Account);
        var runId = await regrade.RunAsync(new { period = "2026-10" });
        using var customer = await app.GetAsync("/api/customers/P40");
        var grade = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grade");

        Assert.Equal(runId, grade.GetProperty("runId").GetString());
        Assert.Matches("^(VIP|A|B|C|D)$", grade.GetProperty("tier").GetString());
    }
}
