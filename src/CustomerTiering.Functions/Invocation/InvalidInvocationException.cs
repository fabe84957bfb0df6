namespace CustomerTiering.Functions.Invocation;

/// <summary>An invocation request the handler cannot read: answered with 400, never a 500.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
