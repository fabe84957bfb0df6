using System.Diagnostics;
using System.Text.RegularExpressions;
using CustomerTiering.Storage;
using Xunit;

namespace CustomerTiering.Testing;

/// <summary>
/// A real Azurite from the repository's pinned npm package, on free ports, in memory, stopped with the fixture.
/// No Docker here, so no Testcontainers: the process is ours to start and stop. One <see cref="WithOutages"/> sits
/// behind links that can be cut, so that storage can go away and come back with every write it acknowledged.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's documented development account: public, and only ever valid against an emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly bool _behindLinks;
    private readonly Dictionary<string, CuttableLink> _links = [];
    private Process? _process;

    /// <summary>Reached directly: what a test class shares (xUnit wants one public constructor for a class fixture).</summary>
    public AzuriteFixture()
    {
    }

    private AzuriteFixture(bool behindLinks) => _behindLinks = behindLinks;

    /// <summary>One whose clients reach it through links that <see cref="CutOff"/> and <see cref="Reconnect"/> cut and restore.</summary>
    public static AzuriteFixture WithOutages() => new(behindLinks: true);

    public string ConnectionString { get; private set; } = "";

    /// <summary>The emulator's process while it runs (benchmarks read its CPU time).</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    /// <summary>
    /// Storage goes away: every connection to it is reset, and every new one until <see cref="Reconnect"/>. The emulator
    /// itself runs on, as a storage account does while the network to it is down.
    /// </summary>
    public void CutOff()
    {
        if (!_behindLinks)
        {
            throw new InvalidOperationException("Only an Azurite made WithOutages() can be cut off.");
        }

        foreach (var link in _links.Values)
        {
            link.Cut();
        }
    }

    /// <summary>Storage is back, with what it held.</summary>
    public void Reconnect()
    {
        foreach (var link in _links.Values)
        {
            link.Restore();
        }
    }

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
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--inMemoryPersistence",
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
                var service = match.Groups["service"].Value;
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (_behindLinks)
                {
                    _links[service] = new CuttableLink(port);
                    port = _links[service].Port;
                }

                ports[service] = port;
            }
        }

        _ = DrainAsync(_process.StandardOutput);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/{AccountName};";
    }

    public async Task DisposeAsync()
    {
        foreach (var link in _links.Values)
        {
            await link.DisposeAsync();
        }

        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
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
