using System.Diagnostics;
using System.IO.Compression;
using System.Net;
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

        public async Task InitializeAsync()
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "package.sh"), Folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root,
            };
            using var script = Process.Start(start)!;
            var output = script.StandardOutput.ReadToEndAsync();
            var errors = script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync();
            Assert.True(script.ExitCode == 0, $"scripts/package.sh failed:\n{await output}\n{await errors}");
        }

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
    public async Task The_dev_host_runs_the_app_from_the_unpacked_zip()
    {
        var root = Path.Combine(package.Folder, "unpacked");
        ZipFile.ExtractToDirectory(Zip, root);

        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, appRoot: root);
        using var health = await app.Client.GetAsync("/api/health");
        using var docs = await app.Client.GetAsync("/api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
