using System.Diagnostics;
using System.Text.RegularExpressions;
using CustomerTiering.Storage;
using Xunit;

namespace CustomerTiering.Testing;

/// <summary>
/// A real Azurite from the repository's pinned npm package, on free ports, in memory, stopped with the fixture.
/// No Docker here, so no Testcontainers: the process is ours to start and stop. A persistent one keeps its data in a
/// folder of its own, so that it can be stopped and started again on the same ports and data: a storage outage.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's documented development account: public, and only ever valid against an emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _location;
    private Process? _process;
    private Dictionary<string, int>? _ports;

    /// <summary>In memory: what a test class shares (xUnit wants one public constructor for a class fixture).</summary>
    public AzuriteFixture()
    {
    }

    private AzuriteFixture(string location) => _location = location;

    /// <summary>One that keeps its data in a folder of its own, so that it can be stopped and started again with it.</summary>
    public static AzuriteFixture Persistent() => new(Directory.CreateTempSubdirectory("azurite-").FullName);

    public string ConnectionString { get; private set; } = "";

    /// <summary>The emulator's process while it runs (benchmarks read its CPU time).</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Stops the emulator. A persistent one is asked to stop (SIGTERM), so that it saves what it holds, as real storage
    /// keeps what it acknowledged through an outage; <see cref="StartAsync"/> brings it back with that data.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            if (_location is not null && Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) is { } signal)
            {
                await signal.WaitForExitAsync();
                using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await process.WaitForExitAsync(graceful.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the emulator; after <see cref="StopAsync"/>, on the same ports (and, when persistent, the same data).</summary>
    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("Azurite is not installed: run 'npm ci' in the repository root (scripts/test.sh does).", script);
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobPort", Port("Blob"), "--queuePort", Port("Queue"), "--tablePort", Port("Table"),
                 }.Concat(_location is null ? ["--inMemoryPersistence"] : ["--location", _location]))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var ports = new Dictionary<string, int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ports.Count < 3)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("Azurite exited before listening.");
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        _ = DrainAsync(_process.StandardOutput);
        _ports = ports;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/{AccountName};";
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_location is not null)
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private string Port(string service) => _ports?[service].ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
