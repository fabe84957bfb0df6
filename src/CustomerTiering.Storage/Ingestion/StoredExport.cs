namespace CustomerTiering.Storage.Ingestion;

/// <summary>One version of an uploaded export: its name in the exports container, the ETag that pins it, its size and metadata.</summary>
public sealed record StoredExport(string Name, string ETag, long Length, IReadOnlyDictionary<string, string> Metadata);
