namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>A function app as the Functions host sees it: the app root, host.json, the worker, the functions and the app settings.</summary>
public sealed record FunctionAppDefinition(string Root, HostSettings Host, WorkerSettings Worker, IReadOnlyList<FunctionDefinition> Functions, AppSettings Settings);
