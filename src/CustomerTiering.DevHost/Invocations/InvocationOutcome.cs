using System.Text.Json;

namespace CustomerTiering.DevHost.Invocations;

/// <summary>How one invocation of the handler ended, and the output binding values it returned.</summary>
public sealed record InvocationOutcome(bool Succeeded, int StatusCode, IReadOnlyDictionary<string, JsonElement> Outputs, string? Error)
{
    public static InvocationOutcome Failed(int statusCode, string error) =>
        new(false, statusCode, new Dictionary<string, JsonElement>(), error);
}
