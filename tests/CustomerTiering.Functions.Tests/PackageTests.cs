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
    public void The_zip_holds_host_json_every_function_and_an_executable_self_contained_handler()
    {
        using var zip = ZipFile.OpenRead(Zip);
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var sourceFunctions = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "CustomerTiering.Functions"), "function.json", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))!)
            .Where(name => name != "obj")
            .ToList();

        Assert.Contains("host.json", names);
        Assert.NotEmpty(sourceFunctions);
        Assert.All(sourceFunctions, f => Assert.Contains($"{f}/function.json", names));
        var handler = zip.GetEntry("CustomerTiering.Functions")!;
        Assert.True(((handler.ExternalAttributes >> 16) & 0b001_000_000) != 0, "the handler lost its executable bit");
        Assert.Contains("libcoreclr.so", names); // self-contained: no runtime needed on the host
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
