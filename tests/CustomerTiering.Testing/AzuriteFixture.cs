using System.Diagnostics;
using System.Text.RegularExpressions;
using CustomerTiering.Storage;
using Xunit;

namespace CustomerTiering.Testing;

/// <summary>
/// A real Azurite from the repository's pinned npm package, on free ports, in memory, stopped with the fixture.
/// No Docker here, so no Testcontainers: the process is ours to start and stop.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's documented development account: public, and only ever valid against an emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The emulator's process while it runs (benchmarks read its CPU time).</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public async Task InitializeAsync()
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
                     script, "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
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
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/{AccountName};";
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
