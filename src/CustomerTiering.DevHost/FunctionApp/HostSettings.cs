namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>What the dev host needs of host.json.</summary>
public sealed record HostSettings(string RoutePrefix, TimeSpan FunctionTimeout, QueueSettings Queues);
