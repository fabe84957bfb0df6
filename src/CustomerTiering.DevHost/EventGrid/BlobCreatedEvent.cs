using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CustomerTiering.DevHost.EventGrid;

/// <summary>A <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, as a storage-queue subscription delivers it.</summary>
public static class BlobCreatedEvent
{
    public static JsonObject Create(BlobContainerClient container, BlobItem blob, DateTimeOffset eventTime)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(blob);
        var eTag = blob.Properties.ETag?.ToString("H") ?? "";
        var url = container.GetBlobClient(blob.Name).Uri.ToString();
        return new JsonObject
        {
            ["topic"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{container.AccountName}",
            ["subject"] = $"/blobServices/default/containers/{container.Name}/blobs/{blob.Name}",
            ["eventType"] = "Microsoft.Storage.BlobCreated",
            // One id per blob version, so a consumer can recognise a redelivered event.
            ["id"] = DeterministicId(blob.Name, eTag),
            ["data"] = new JsonObject
            {
                ["api"] = "PutBlob",
                ["clientRequestId"] = "",
                ["requestId"] = "",
                ["eTag"] = eTag,
                ["contentType"] = blob.Properties.ContentType ?? "application/octet-stream",
                ["contentLength"] = blob.Properties.ContentLength ?? 0,
                ["blobType"] = "BlockBlob",
                ["url"] = url,
                ["sequencer"] = blob.Properties.LastModified?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.Empty.ToString() },
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = eventTime.UtcDateTime.ToString("O"),
        };
    }

    private static string DeterministicId(string name, string eTag)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{eTag}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
