using CustomerTiering.Storage;
using Xunit;

namespace CustomerTiering.Testing;

/// <summary>
/// Real Azurite storage for a test class: a storage account of its own on an Azurite process that the test process's
/// fixtures share (<see cref="AzuriteServers"/>), or a process of its own (<see cref="Dedicated"/>). No Docker here, so
/// no Testcontainers: the processes are ours to start and stop. One <see cref="WithOutages"/> sits behind links that can
/// be cut, so that storage can go away and come back with every write it acknowledged.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly bool _behindLinks;
    private readonly bool _dedicated;
    private readonly Dictionary<string, CuttableLink> _links = [];
    private AzuriteServer? _server;
    private string? _account;

    /// <summary>An account on a shared Azurite: what a test class uses (xUnit wants one public constructor for a class fixture).</summary>
    public AzuriteFixture()
    {
    }

    private AzuriteFixture(bool behindLinks, bool dedicated) => (_behindLinks, _dedicated) = (behindLinks, dedicated);

    /// <summary>One whose clients reach it through links that <see cref="CutOff"/> and <see cref="Reconnect"/> cut and restore.</summary>
    public static AzuriteFixture WithOutages() => new(behindLinks: true, dedicated: false);

    /// <summary>
    /// An Azurite process of its own, stopped by <see cref="DisposeAsync"/>: for a test in which storage stops altogether,
    /// and for a benchmark that reads the emulator's CPU time (<see cref="ProcessId"/>).
    /// </summary>
    public static AzuriteFixture Dedicated() => new(behindLinks: false, dedicated: true);

    public string ConnectionString { get; private set; } = "";

    /// <summary>The emulator's process while it runs, for a <see cref="Dedicated"/> one (others share theirs).</summary>
    public int? ProcessId => _dedicated && _server is not null ? _server.ProcessId : null;

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
        if (_dedicated)
        {
            _server = await AzuriteServer.StartAsync(accounts: 0);
            _account = AzuriteServer.DevelopmentAccount;
        }
        else
        {
            (_server, _account) = await AzuriteServers.LeaseAsync();
        }

        var ports = new Dictionary<string, int>(_server.Ports);
        if (_behindLinks)
        {
            foreach (var (service, port) in _server.Ports)
            {
                _links[service] = new CuttableLink(port);
                ports[service] = _links[service].Port;
            }
        }

        ConnectionString = AzuriteServer.ConnectionString(_account, ports);
    }

    public async Task DisposeAsync()
    {
        foreach (var link in _links.Values)
        {
            await link.DisposeAsync();
        }

        _links.Clear();
        if (_server is null)
        {
            return;
        }

        if (_dedicated)
        {
            await _server.DisposeAsync();
        }
        else
        {
            await AzuriteServers.ReleaseAsync(_server, _account!);
        }

        _server = null;
    }
}
