using System.Diagnostics;
using System.Text.Json.Nodes;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Rpc;
using CustomerTiering.DevHost.Worker;

namespace CustomerTiering.DevHost.Invocations;

/// <summary>
/// Sends an <c>InvocationRequest</c> to the worker and waits for its <c>InvocationResponse</c>, as the Functions host does:
/// the trigger's data as typed input, the trigger metadata (with <c>sys</c>), a function timeout. One log line per invocation.
/// </summary>
public sealed class InvocationClient(WorkerProcess worker, FunctionAppDefinition app, TimeProvider clock, ILogger<InvocationClient> logger)
{
    /// <summary>Invokes on whichever worker is running, waiting for one that starts.</summary>
    public async Task<InvocationOutcome> InvokeAsync(
        FunctionDefinition function, TypedData input, IDictionary<string, TypedData> metadata, CancellationToken cancellationToken = default)
    {
        WorkerChannel channel;
        try
        {
            channel = await worker.WaitUntilReadyAsync(cancellationToken);
        }
        catch (WorkerUnavailableException ex)
        {
            return InvocationOutcome.Failed(ex.Message);
        }

        return await InvokeAsync(channel, function, Guid.NewGuid().ToString(), input, metadata, cancellationToken);
    }

    /// <summary>Invokes on <paramref name="channel"/> with a given invocation id (HTTP functions correlate their request by it).</summary>
    public async Task<InvocationOutcome> InvokeAsync(
        WorkerChannel channel, FunctionDefinition function, string invocationId, TypedData input, IDictionary<string, TypedData> metadata,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(metadata);
        var started = Stopwatch.GetTimestamp();
        var outcome = await SendAsync(channel, function, invocationId, input, metadata, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.Invocation(logger, function.Name, invocationId, outcome.Succeeded ? "Succeeded" : "Failed", elapsed, outcome.Error ?? "");
        return outcome;
    }

    private async Task<InvocationOutcome> SendAsync(
        WorkerChannel channel, FunctionDefinition function, string invocationId, TypedData input, IDictionary<string, TypedData> metadata,
        CancellationToken cancellationToken)
    {
        if (!channel.FunctionIds.TryGetValue(function.Name, out var functionId))
        {
            return InvocationOutcome.Failed($"The worker did not load {function.Name}.");
        }

        var request = new InvocationRequest { InvocationId = invocationId, FunctionId = functionId };
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = input });
        request.TriggerMetadata.Add(metadata);
        request.TriggerMetadata["sys"] = new TypedData
        {
            Json = new JsonObject
            {
                ["MethodName"] = function.Name,
                ["UtcNow"] = clock.GetUtcNow().UtcDateTime.ToString("O"),
                ["RandGuid"] = Guid.NewGuid().ToString(),
            }.ToJsonString(),
        };
        request.TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? "" };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(app.Host.FunctionTimeout);
        try
        {
            var answer = (await channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, timeout.Token)).InvocationResponse;
            return answer?.Result is { Status: StatusResult.Types.Status.Success }
                ? InvocationOutcome.Success
                : InvocationOutcome.Failed(FirstLine(answer?.Result?.Exception?.Message) ?? "the worker reported a failure");
        }
        catch (WorkerUnavailableException ex)
        {
            return InvocationOutcome.Failed(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            channel.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
            return InvocationOutcome.Failed($"Timed out after {app.Host.FunctionTimeout}.");
        }
    }

    private static string? FirstLine(string? text)
    {
        var line = text?.Split('\n', 2)[0].TrimEnd('\r');
        return line is { Length: > 500 } ? string.Concat(line.AsSpan(0, 500), "…") : line;
    }
}
