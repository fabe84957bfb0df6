using System.Text.Json;
using CustomerTiering.Storage.Events;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// <c>PublishTierChanges</c>: relays each tier-changed event from the queue to the Service Bus topic (through the
/// function's output binding), once per event id, whatever duplicates a retried publish put on the queue.
/// </summary>
public sealed class TierChangeRelay(RelayedEventLedger ledger, ILogger<TierChangeRelay> logger)
{
    /// <summary>The event to relay, or null for a duplicate or a message that is no tier-changed event.</summary>
    public async Task<string?> RelayAsync(string message, string messageId, CancellationToken cancellationToken = default)
    {
        string? id;
        try
        {
            using var json = JsonDocument.Parse(message);
            id = json.RootElement.ValueKind == JsonValueKind.Object
                 && json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == TierChangedEvent.EventType
                 && json.RootElement.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : null;
        }
        catch (JsonException)
        {
            id = null;
        }

        if (id is not { Length: > 0 and <= 512 })
        {
            Log.EventDropped(logger, messageId, "not a tier-changed event");
            return null;
        }

        if (!await ledger.TryClaimAsync(id, messageId, cancellationToken))
        {
            Log.EventDropped(logger, messageId, "a duplicate of an event already relayed");
            return null;
        }

        return message;
    }
}
