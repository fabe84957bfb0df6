using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>The answer to an upload: the ingestion to follow and where.</summary>
public sealed record UploadAccepted(string Id, string Blob, IngestionStatus Status, string StatusUrl);
