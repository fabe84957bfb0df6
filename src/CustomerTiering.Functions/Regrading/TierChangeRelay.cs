using System.Text.Json;
using CustomerTiering.Functions.Publishing;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Privacy;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// <c>PublishTierChanges</c>: relays each tier-changed event from the queue to the topic, once per event id, whatever
/// duplicates a retried publish put on the queue. An event is recorded as relayed only after its send, so no failure
/// loses it; copies relayed at the same moment are dropped by the topic's duplicate detection (message id = event id),
/// later copies by the record. An event whose message fails its last try is queued again for later
/// (<see cref="HandleAsync"/>) rather than left in the poison queue, where nothing would ever send it.
/// </summary>
public sealed class TierChangeRelay(
    RelayedEventLedger ledger, ErasedCustomers erased, PendingEvents pending, ITierChangePublisher publisher, IOptions<RegradeOptions> options, ILogger<TierChangeRelay> logger)
{
    /// <summary>How long an event whose message failed every try waits before it is relayed again (its tries then start over).</summary>
    public static readonly TimeSpan Postponement = TimeSpan.FromMinutes(5);

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

        if (await ledger.WasRelayedAsync(published.Id, cancellationToken))
        {
            Log.EventDropped(logger, messageId, "a duplicate of an event already relayed");
            return false;
        }

        await publisher.PublishAsync(published, cancellationToken);
        await ledger.RecordRelayedAsync(published.Id, messageId, cancellationToken);
        return true;
    }

    /// <summary>
    /// One delivery of a queue message. A failure is the host's to retry, but on the message's last try (the topic or
    /// storage away longer than the host's retries) the event is queued again, to be relayed after
    /// <see cref="Postponement"/>, and the message completes instead of going to the poison queue. When the queue
    /// cannot be reached either, the failure stands.
    /// </summary>
    public async Task HandleAsync(string message, string messageId, long dequeueCount, CancellationToken cancellationToken = default)
    {
        try
        {
            await RelayAsync(message, messageId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && dequeueCount >= options.Value.MaxAttempts)
        {
            await pending.SendAsync(message, Postponement, CancellationToken.None);
            Log.EventPostponed(logger, ex, messageId, Postponement);
        }
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
