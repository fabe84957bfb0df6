using CustomerTiering.DevHost.Rpc;
using Grpc.Core;
using GrpcException = Grpc.Core.RpcException;

namespace CustomerTiering.DevHost.Worker;

/// <summary>
/// The host side of <c>FunctionRpc.EventStream</c>: the worker opens the stream with <c>StartStream</c> naming the
/// worker id it was started with; from then on messages flow both ways until either side ends.
/// </summary>
public sealed class FunctionRpcService(WorkerProcess workers, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken) || requestStream.Current.StartStream is not { } start)
        {
            throw new GrpcException(new Status(StatusCode.InvalidArgument, "The first message of a worker's stream is StartStream."));
        }

        var channel = workers.Attach(start.WorkerId)
            ?? throw new GrpcException(new Status(StatusCode.PermissionDenied, $"No worker {start.WorkerId} was started by this host."));
        Log.WorkerConnected(logger, start.WorkerId);
        var writing = WriteAsync(channel, responseStream, cancellationToken);
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                channel.Receive(requestStream.Current);
            }
        }
        catch (IOException)
        {
            // The worker's connection dropped (it was killed): the channel closes below.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            channel.Close();
            await writing;
        }
    }

    private static async Task WriteAsync(WorkerChannel channel, IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in channel.Outgoing.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            channel.Close();
        }
    }
}
