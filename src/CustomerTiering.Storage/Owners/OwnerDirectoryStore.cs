using System.Text.Json;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Owners;

/// <summary>
/// The owner directory that administrators keep: which user each owner name of the exports means. One partition holds
/// the entries (<c>owner-{name}</c>, the name compared without case or surrounding spaces) and their audit trail
/// (<c>audit-{newest first}</c>), so a change and its audit row are written in one transaction. A directory is a few
/// hundred names: it is read whole.
/// </summary>
public sealed class OwnerDirectoryStore(StorageAccount account)
{
    private const string Partition = "directory";
    private const string EntryPrefix = "owner-";
    private const string AuditPrefix = "audit-";

    /// <summary>A transaction holds at most 100 actions: 50 entries and their 50 audit rows.</summary>
    private const int EntriesPerTransaction = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => account.Tables.GetTableClient(StorageNames.OwnerDirectoryTable);

    /// <summary>How two spellings of one owner name compare: without surrounding spaces or case.</summary>
    public static string KeyOf(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Trim().ToUpperInvariant();
    }

    public async Task<IReadOnlyList<OwnerDirectoryEntry>> AllAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<OwnerDirectoryEntry>();
        await foreach (var e in Table.QueryAsync<TableEntity>(RowsStartingWith(EntryPrefix), cancellationToken: cancellationToken))
        {
            entries.Add(new OwnerDirectoryEntry(e.GetString("Owner"), e.GetString("User"), new Actor(e.GetString("ChangedById"), e.GetString("ChangedBy")),
                e.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue));
        }

        return [.. entries.OrderBy(e => e.Owner, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Sets each owner's user (adding or replacing), recording every change; an owner named twice keeps the last.</summary>
    public async Task SetAsync(IReadOnlyList<(string Owner, string User)> entries, Actor who, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(who);
        var last = entries.GroupBy(e => KeyOf(e.Owner), StringComparer.Ordinal).Select(g => g.Last()).ToList();
        foreach (var chunk in last.Chunk(EntriesPerTransaction))
        {
            var actions = new List<TableTransactionAction>(chunk.Length * 2);
            foreach (var (owner, user) in chunk)
            {
                var entry = new TableEntity(Partition, EntryPrefix + TableKeys.Escape(KeyOf(owner)))
                {
                    ["Owner"] = owner.Trim(),
                    ["User"] = user.Trim(),
                    ["ChangedBy"] = who.Name,
                    ["ChangedById"] = who.ObjectId,
                    ["ChangedAt"] = at,
                };
                actions.Add(new(TableTransactionActionType.UpsertReplace, entry));
                actions.Add(new(TableTransactionActionType.Add, Audit(new OwnerDirectoryChange("Set", owner.Trim(), user.Trim(), who, at))));
            }

            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>Removes the owner's entry and records it; the change recorded, or null when there was no entry.</summary>
    public async Task<OwnerDirectoryChange?> RemoveAsync(string owner, Actor who, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, EntryPrefix + TableKeys.Escape(KeyOf(owner)), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var change = new OwnerDirectoryChange("Removed", found.Value!.GetString("Owner"), null, who, at);
        var audit = Audit(change);
        try
        {
            await Table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Delete, found.Value!, found.Value!.ETag), new(TableTransactionActionType.Add, audit)], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return null; // changed or removed by someone else in between: their change is the one recorded
        }

        return change;
    }

    /// <summary>The latest changes, newest first.</summary>
    public async Task<IReadOnlyList<OwnerDirectoryChange>> ChangesAsync(int take, CancellationToken cancellationToken = default)
    {
        var changes = new List<OwnerDirectoryChange>(take);
        await foreach (var e in Table.QueryAsync<TableEntity>(RowsStartingWith(AuditPrefix), maxPerPage: take, cancellationToken: cancellationToken))
        {
            changes.Add(JsonSerializer.Deserialize<OwnerDirectoryChange>(e.GetString("Entry"), Json)!);
            if (changes.Count == take)
            {
                break;
            }
        }

        return changes;
    }

    private static string RowsStartingWith(string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");

    private static TableEntity Audit(OwnerDirectoryChange change) =>
        new(Partition, TableKeys.NewestFirst(AuditPrefix, change.At)) { ["Entry"] = JsonSerializer.Serialize(change, Json) };
}
