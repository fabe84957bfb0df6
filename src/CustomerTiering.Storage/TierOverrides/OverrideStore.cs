using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.TierOverrides;

/// <summary>
/// Tier overrides and their audit trail, in one table: a customer's partition holds its current override (row
/// <c>current</c>) and one row per change (<c>audit-{newest first}</c>). A change and its audit row are written in one
/// transaction, so the trail never misses a change nor records one that did not happen.
/// </summary>
public sealed class OverrideStore(StorageAccount account)
{
    private const string CurrentRow = "current";
    private const string AuditPrefix = "audit-";

    /// <summary>Where an erased customer's audit rows go: '|' never occurs in an escaped customer id.</summary>
    public const string ErasedPartition = "|erased";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => account.Tables.GetTableClient(StorageNames.OverridesTable);

    public async Task<StoredOverride?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(customerId), CurrentRow, cancellationToken: cancellationToken);
        return found.HasValue ? ToOverride(found.Value!) : null;
    }

    /// <summary>Every current override, expired ones included (a run decides what an expiry means for its period).</summary>
    public async Task<IReadOnlyList<StoredOverride>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<StoredOverride>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {CurrentRow}"), cancellationToken: cancellationToken))
        {
            all.Add(ToOverride(entity));
        }

        return [.. all.OrderBy(o => o.CustomerId, StringComparer.Ordinal)];
    }

    /// <summary>Sets (or replaces) the customer's override and records the change.</summary>
    public async Task SetAsync(StoredOverride pinned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var before = await GetAsync(pinned.CustomerId, cancellationToken);
        var partition = TableKeys.Escape(pinned.CustomerId);
        var current = new TableEntity(partition, CurrentRow)
        {
            ["CustomerId"] = pinned.CustomerId,
            ["Tier"] = pinned.Tier,
            ["Reason"] = pinned.Reason,
            ["Expires"] = pinned.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SetBy"] = pinned.SetBy.Name,
            ["SetById"] = pinned.SetBy.ObjectId,
            ["SetAt"] = pinned.SetAt,
        };
        var audit = Audit(new OverrideAuditEntry(pinned.CustomerId, before is null ? "Set" : "Changed", pinned.SetBy, pinned.SetAt, before, pinned, pinned.Reason));
        await Table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, current), new(TableTransactionActionType.Add, audit)], cancellationToken);
    }

    /// <summary>Removes the customer's override and records it; the override removed, or null when there was none.</summary>
    public async Task<StoredOverride?> RemoveAsync(string customerId, Actor who, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(customerId), CurrentRow, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var removed = ToOverride(found.Value!);
        var audit = Audit(new OverrideAuditEntry(customerId, "Removed", who, at, removed, null, null));
        try
        {
            await Table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Delete, found.Value!, found.Value!.ETag), new(TableTransactionActionType.Add, audit)], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return null; // removed by someone else in between: their change is the one recorded
        }

        return removed;
    }

    /// <summary>The customer's override changes, newest first.</summary>
    public async Task<IReadOnlyList<OverrideAuditEntry>> AuditAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(customerId);
        var entries = new List<OverrideAuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {AuditPrefix} and RowKey lt {"audit."}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(JsonSerializer.Deserialize<OverrideAuditEntry>(entity.GetString("Entry"), Json)!);
        }

        return entries;
    }

    /// <summary>
    /// An audit row of an erased customer as it is kept: that an override was set, changed or removed, by whom and when;
    /// not whose, nor its tier or reason (a reason may name the person). Null for a row that is not an audit row.
    /// </summary>
    public static TableEntity? AnonymousAudit(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.RowKey.StartsWith(AuditPrefix, StringComparison.Ordinal)
            || JsonSerializer.Deserialize<OverrideAuditEntry>(row.GetString("Entry") ?? "null", Json) is not { } entry)
        {
            return null;
        }

        return new TableEntity(ErasedPartition, row.RowKey)
        {
            ["Action"] = entry.Action,
            ["By"] = entry.Who.Name,
            ["ById"] = entry.Who.ObjectId,
            ["At"] = entry.At,
        };
    }

    private static TableEntity Audit(OverrideAuditEntry entry) =>
        new(TableKeys.Escape(entry.CustomerId), TableKeys.NewestFirst(AuditPrefix, entry.At)) { ["Entry"] = JsonSerializer.Serialize(entry, Json) };

    private static StoredOverride ToOverride(TableEntity e) => new(
        e.GetString("CustomerId"),
        e.GetString("Tier"),
        e.GetString("Reason"),
        DateOnly.ParseExact(e.GetString("Expires"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        new Actor(e.GetString("SetById"), e.GetString("SetBy")),
        e.GetDateTimeOffset("SetAt") ?? DateTimeOffset.MinValue);
}
