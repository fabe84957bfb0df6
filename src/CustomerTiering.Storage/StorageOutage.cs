using System.Net.Sockets;
using Azure;

namespace CustomerTiering.Storage;

/// <summary>
/// Tells an error of storage being away (refused or reset connections, timeouts, 5xx and throttling after the
/// client's own retries) from an error of the request or the code: the first is worth a 503 and a retry later, the
/// second is not.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500 || Is(failed.InnerException),
        // The SDK's tries, all failed. It retries a cancellation only when it was its own network timeout (storage took a
        // request and never answered), never the caller's: such a try is storage away too.
        AggregateException aggregate => aggregate.InnerExceptions.Any(e => e is OperationCanceledException || Is(e)),
        HttpRequestException or SocketException or TimeoutException => true,
        IOException io => io.InnerException is SocketException || Is(io.InnerException),
        OperationCanceledException canceled => canceled.InnerException is TimeoutException,
        _ => Is(exception.InnerException),
    };
}
