namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>The app root cannot be run: a missing or malformed host.json or function.json.</summary>
public sealed class FunctionAppException(string message) : Exception(message);
