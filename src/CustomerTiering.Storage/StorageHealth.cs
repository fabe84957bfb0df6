namespace CustomerTiering.Storage;

/// <summary>Reachability of each storage service.</summary>
public sealed record StorageHealth(IReadOnlyList<StorageServiceHealth> Services)
{
    public bool AllReachable => Services.All(s => s.Reachable);
}
