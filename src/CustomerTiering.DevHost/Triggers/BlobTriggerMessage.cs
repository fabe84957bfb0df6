namespace CustomerTiering.DevHost.Triggers;

/// <summary>One blob version for one blob-trigger function, on the blob triggers' queue (the blobs extension's shape).</summary>
public sealed record BlobTriggerMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);
