using System.Text.Json;
using CustomerTiering.Functions.Publishing;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Privacy;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// <c>PublishTierChanges</c>: relays each tier-changed event from the queue to the topic, once per event id, whatever
/// duplicates a retried publish put on the queue. The claim is made before the send; the claiming message, delivered
/// again after a failed send, sends again (the topic's duplicate detection drops a second copy by message id).
/// </summary>
public sealed class TierChangeRelay(RelayedEventLedger ledger, ErasedCustomers erased, ITierChangePublisher publisher, ILogger<TierChangeRelay> logger)
{
    /// <summary>True when the event was sent; false for a duplicate or a message that is no tier-changed event.</summary>
    public async Task<bool> RelayAsync(string message, string messageId, CancellationToken cancellationToken = default)
    {
        var published = Read(message);
        if (published is null)
        {
            Log.EventDropped(logger, messageId, "not an event the relay knows");
            return false;
        }

        // The event's id names its customer: the logs name the queue message instead.
        using var scope = Log.EventScope(logger, messageId);
        if (published.Subject is { } subject && subject.StartsWith(CustomerSubject, StringComparison.Ordinal)
            && await erased.ContainsAsync(subject[CustomerSubject.Length..], cancellationToken))
        {
            Log.EventDropped(logger, messageId, "about a customer erased since it was queued");
            return false;
        }

        if (!await ledger.TryClaimAsync(published.Id, messageId, cancellationToken))
        {
            Log.EventDropped(logger, messageId, "a duplicate of an event already relayed");
            return false;
        }

        await publisher.PublishAsync(published, cancellationToken);
        return true;
    }

    private const string CustomerSubject = "customers/";

    private static PublishedEvent? Read(string message)
    {
        try
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && Text(root, "type") is TierChangedEvent.EventType or CustomerSlippedEvent.SegmentEntered or CustomerSlippedEvent.LifecycleChanged
                   && Text(root, "id") is { Length: > 0 and <= 512 } id
                ? new PublishedEvent(id, Text(root, "type")!, Text(root, "source") ?? "", Text(root, "subject"), message)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
