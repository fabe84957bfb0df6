using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerTiering.Testing;

/// <summary>
/// One Azurite process from the repository's pinned npm package, on free ports, in memory, with storage accounts to
/// hand out: each fixture that shares it gets an account no one else has used, so that its tables, queues and containers
/// are its own. Starting Azurite costs about two seconds of CPU; the Functions tests' two dozen fixtures
/// share four or five.
/// </summary>
internal sealed partial class AzuriteServer : IAsyncDisposable
{
    // Azurite's documented development key: public, and only ever valid against an emulator. Every account has it.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string DevelopmentAccount = "devstoreaccount1";

    private readonly Process _process;
    private readonly Queue<string> _unused;

    private AzuriteServer(Process process, IReadOnlyDictionary<string, int> ports, IEnumerable<string> accounts)
    {
        _process = process;
        Ports = ports;
        _unused = new Queue<string>(accounts);
    }

    /// <summary>Blob, Queue and Table, each with its port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    public int ProcessId => _process.Id;

    /// <summary>Fixtures holding one of its accounts now.</summary>
    public int Leases { get; set; }

    public bool HasUnusedAccount => _unused.Count > 0;

    public string TakeAccount() => _unused.Dequeue();

    /// <summary>
    /// Starts Azurite with <paramref name="accounts"/> accounts (none: only the development account). It exits with this
    /// process even when this one is killed: it stops when its standard input closes.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(int accounts)
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("Azurite is not installed: run 'npm ci' in the repository root (scripts/test.sh does).", script);
        }

        var names = accounts == 0
            ? [DevelopmentAccount]
            : Enumerable.Range(1, accounts).Select(n => "fixture" + n.ToString("000", CultureInfo.InvariantCulture)).ToList();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (accounts > 0)
        {
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(';', names.Select(name => $"{name}:{AccountKey}"));
        }

        foreach (var argument in new[]
                 {
                     "--require", Path.Combine(AppContext.BaseDirectory, "exit-with-parent.cjs"),
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--inMemoryPersistence",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ports = new Dictionary<string, int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ports.Count < 3)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("Azurite exited before listening.");
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            }
        }

        _ = DrainAsync(process.StandardOutput);
        return new AzuriteServer(process, ports, names);
    }

    public static string ConnectionString(string account, IReadOnlyDictionary<string, int> ports) =>
        $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/{account};" +
        $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/{account};" +
        $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/{account};";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Stops it now, without waiting: for the end of the test process.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
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
