using Azure.Data.Tables;

namespace CustomerTiering.Storage.Privacy;

/// <summary>A table row that holds a person's data, as a subject-access answer shows it: where it is and what it says.</summary>
public sealed record StoredRow(string Table, string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Values)
{
    public static StoredRow Of(string table, TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new StoredRow(table, entity.PartitionKey, entity.RowKey,
            entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal));
    }
}
