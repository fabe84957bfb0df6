namespace CustomerTiering.DevHost.Invocations;

/// <summary>How one invocation ended: succeeded, or failed with the worker's (or the host's) reason.</summary>
public sealed record InvocationOutcome(bool Succeeded, string? Error)
{
    public static InvocationOutcome Success { get; } = new(true, null);

    public static InvocationOutcome Failed(string error) => new(false, error);
}
