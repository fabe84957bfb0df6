namespace CustomerTiering.Functions.Invocation;

/// <summary>What the handler answers the host: output binding values by binding name, log lines, and the return value.</summary>
public sealed class InvocationResponse
{
    public Dictionary<string, object?> Outputs { get; } = new(StringComparer.Ordinal);

    public List<string> Logs { get; } = [];

    public object? ReturnValue { get; set; }
}
