using CustomerTiering.Storage;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary>An override as the management API shows it: what is stored, and whether it still applies today.</summary>
public sealed record OverrideView(string CustomerId, string Tier, string Reason, DateOnly Expires, bool Active, Actor SetBy, DateTimeOffset SetAt)
{
    public static OverrideView Of(StoredOverride stored, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new OverrideView(stored.CustomerId, stored.Tier, stored.Reason, stored.Expires, stored.Expires >= today, stored.SetBy, stored.SetAt);
    }
}
