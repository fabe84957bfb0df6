namespace CustomerTiering.DevHost.Worker;

/// <summary>The address the dev host serves the worker protocol on, known once Kestrel has bound its port.</summary>
public sealed class GrpcEndpoint
{
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Address => _address.Task;

    public int Port { get; private set; }

    public void Bound(int port)
    {
        Port = port;
        _address.TrySetResult(new Uri($"http://127.0.0.1:{port}/"));
    }
}
