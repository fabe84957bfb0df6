using System.Net;
using System.Net.Sockets;

namespace CustomerTiering.Testing;

/// <summary>
/// A TCP link to a local port that can be cut: while cut, the connections it carries are reset and new ones are reset as
/// soon as they arrive, which is how unreachable storage looks to a client. What is behind it keeps running and keeps
/// every write it acknowledged, as real storage does through an outage. (A persistent Azurite stopped and started again
/// instead can lose acknowledged writes when its shutdown does not finish saving: the emulator's fault, not storage's.)
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly Lock _gate = new();
    private readonly HashSet<Socket> _open = [];
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _accepting;
    private bool _cut;

    public CuttableLink(int target)
    {
        _target = target;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to instead of the target's.</summary>
    public int Port { get; }

    /// <summary>Resets every connection the link carries, and every new one until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        Socket[] open;
        lock (_gate)
        {
            _cut = true;
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            Reset(socket);
        }
    }

    /// <summary>Carries new connections again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut();
        _disposing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_disposing.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_disposing.IsCancellationRequested)
            {
                continue;
            }

            _ = CarryAsync(client);
        }
    }

    private async Task CarryAsync(Socket client)
    {
        using var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var orderly = false;
        try
        {
            if (Track(client))
            {
                await target.ConnectAsync(IPAddress.Loopback, _target);
                if (Track(target))
                {
                    // An HTTP connection is over once either side closes it; what the other was sending is no one's now.
                    orderly = await await Task.WhenAny(PumpAsync(client, target), PumpAsync(target, client));
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(target);
            }

            // A side that closed in order is passed on in order, so that the last answer arrives whole; a reset as a reset.
            End(client, orderly);
            End(target, orderly);
        }
    }

    /// <summary>Adds a socket to those a cut resets; false (and the socket reset) while the link is cut.</summary>
    private bool Track(Socket socket)
    {
        lock (_gate)
        {
            if (!_cut)
            {
                _open.Add(socket);
                return true;
            }
        }

        Reset(socket);
        return false;
    }

    /// <summary>Copies one direction; true when it ended because its side closed in order.</summary>
    private static async Task<bool> PumpAsync(Socket from, Socket to)
    {
        try
        {
            await using var source = new NetworkStream(from, ownsSocket: false);
            await using var sink = new NetworkStream(to, ownsSocket: false);
            await source.CopyToAsync(sink);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static void End(Socket socket, bool orderly)
    {
        if (!orderly)
        {
            Reset(socket);
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    /// <summary>Drops the connection with a reset, as a network that has gone away does.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
