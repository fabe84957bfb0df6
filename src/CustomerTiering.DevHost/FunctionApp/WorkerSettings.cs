namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>worker.config.json's <c>description</c>: how to start the worker (<c>dotnet CustomerTiering.Functions.dll</c>).</summary>
public sealed record WorkerSettings(string ExecutablePath, string? WorkerPath, IReadOnlyList<string> Arguments);
