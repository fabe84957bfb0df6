namespace CustomerTiering.DevHost;

/// <summary>Errors that mean storage is away or refusing for now: the dev host's loops wait and try again, never stop.</summary>
public static class StorageErrors
{
    // The storage SDK gives up on an unreachable account with an AggregateException of its tries.
    public static bool IsUnavailable(Exception ex) =>
        ex is Azure.RequestFailedException or HttpRequestException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsUnavailable));
}
