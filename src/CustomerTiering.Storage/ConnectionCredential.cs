using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace CustomerTiering.Storage;

/// <summary>The credential of an identity-based connection section, as the Functions host reads one: <c>clientId</c> names a user-assigned identity.</summary>
public static class ConnectionCredential
{
    public static TokenCredential From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
