using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Handler;

namespace CustomerTiering.DevHost.Invocations;

/// <summary>POSTs <c>{"Data":…,"Metadata":…}</c> to <c>/{FunctionName}</c> and reads <c>{"Outputs":…,"Logs":…,"ReturnValue":…}</c>, as the Functions host does.</summary>
public sealed class InvocationClient(HandlerProcess handler, FunctionAppDefinition app, TimeProvider clock, ILogger<InvocationClient> logger) : IDisposable
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    private readonly HttpClient _http = new() { Timeout = app.Host.FunctionTimeout };

    public async Task<InvocationOutcome> InvokeAsync(FunctionDefinition function, JsonObject data, JsonObject metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        var invocationId = Guid.NewGuid().ToString();
        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = function.Name,
            ["UtcNow"] = clock.GetUtcNow().UtcDateTime.ToString("O"),
            ["RandGuid"] = Guid.NewGuid().ToString(),
        };
        var payload = new JsonObject { ["Data"] = data, ["Metadata"] = metadata };
        var started = Stopwatch.GetTimestamp();
        var outcome = await SendAsync(function.Name, invocationId, payload, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var result = outcome.Succeeded ? "Succeeded" : "Failed";
        Log.Invocation(logger, function.Name, invocationId, result, elapsed, outcome.Error ?? "");
        return outcome;
    }

    public void Dispose() => _http.Dispose();

    private async Task<InvocationOutcome> SendAsync(string functionName, string invocationId, JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            var baseAddress = await handler.WaitUntilReadyAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, functionName)) { Content = JsonContent.Create(payload) };
            request.Headers.Add(InvocationIdHeader, invocationId);
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return InvocationOutcome.Failed((int)response.StatusCode, $"handler answered {(int)response.StatusCode}: {Truncate(body)}");
            }

            return ReadResponse(functionName, (int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or HandlerUnavailableException
                                       or TaskCanceledException { InnerException: TimeoutException })
        {
            return InvocationOutcome.Failed(0, ex.Message);
        }
    }

    private InvocationOutcome ReadResponse(string functionName, int statusCode, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new InvocationOutcome(true, statusCode, new Dictionary<string, JsonElement>(), null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var outputs = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            if (TryGet(document.RootElement, "Outputs") is { ValueKind: JsonValueKind.Object } outputsElement)
            {
                foreach (var output in outputsElement.EnumerateObject())
                {
                    outputs[output.Name] = output.Value.Clone();
                }
            }

            if (TryGet(document.RootElement, "Logs") is { ValueKind: JsonValueKind.Array } logs)
            {
                foreach (var line in logs.EnumerateArray())
                {
                    Log.HandlerLog(logger, functionName, line.ValueKind == JsonValueKind.String ? line.GetString()! : line.GetRawText());
                }
            }

            return new InvocationOutcome(true, statusCode, outputs, null);
        }
        catch (JsonException ex)
        {
            return InvocationOutcome.Failed(statusCode, $"the handler's response is not JSON: {ex.Message}");
        }
    }

    private static JsonElement? TryGet(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    private static string Truncate(string text) => text.Length <= 500 ? text : string.Concat(text.AsSpan(0, 500), "…");
}
