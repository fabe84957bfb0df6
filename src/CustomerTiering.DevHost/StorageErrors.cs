using CustomerTiering.Storage;

namespace CustomerTiering.DevHost;

/// <summary>Errors that mean storage is away or refusing for now: the dev host's loops wait and try again, never stop.</summary>
public static class StorageErrors
{
    // Any answer storage gave (a 404 for a message another listener took, a 409) is the loop's to survive too. The SDK
    // gives up on an unreachable account with an AggregateException of its tries, and a connection reset as it opens
    // comes out as a bare SocketException ("Transport endpoint is not connected"): both are outages.
    public static bool IsUnavailable(Exception ex) => ex is Azure.RequestFailedException || StorageOutage.Is(ex);
}
