using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Privacy;

/// <summary>The erasure queue: whichever message is taken first applies every pending request (<see cref="CustomerErasure"/>).</summary>
public sealed class ErasureFunctions(CustomerErasure erasure)
{
    [Function("EraseCustomers")]
    public Task EraseAsync(
        [QueueTrigger(StorageNames.ErasuresQueue, Connection = StorageNames.DataConnection)] string message, CancellationToken cancellationToken) =>
        erasure.ApplyPendingAsync(message, cancellationToken);
}
