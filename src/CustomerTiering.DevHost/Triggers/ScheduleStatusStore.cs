using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>Schedule status blobs at <c>azure-webjobs-hosts/timers/{hostId}/{function}/status</c>, the Functions host's own layout.</summary>
public sealed class ScheduleStatusStore(BlobServiceClient blobs, string hostId)
{
    private BlobClient Blob(string functionName) =>
        blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient($"timers/{hostId}/{functionName}/status");

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await Blob(functionName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken = default)
    {
        await blobs.GetBlobContainerClient("azure-webjobs-hosts").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Blob(functionName).UploadAsync(BinaryData.FromObjectAsJson(status, JsonSerializerOptions.Default), overwrite: true, cancellationToken);
    }
}
