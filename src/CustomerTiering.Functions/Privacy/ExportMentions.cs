using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Privacy;

/// <summary>A row of an export about one of the customers looked for (rows counted as ingestion counts them, the header being 1).</summary>
public readonly record struct ExportMention(long Row, string CustomerId);

/// <summary>
/// Which rows of an uploaded export are about some customers: rows whose customer id, in the column the export's
/// mapping finds, is one of theirs; in a file whose columns cannot be mapped, rows with any cell equal to one of their
/// ids. A file that cannot be read at all (it was rejected so) mentions no one.
/// </summary>
public sealed class ExportMentions(ExportStore exports, MappingProfiles profiles)
{
    public async Task<IReadOnlyList<ExportMention>> FindAsync(StoredExport export, IReadOnlySet<string> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(customerIds);
        var lookup = customerIds.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<ExportMention>();
        if (export.Length == 0 || customerIds.Count == 0)
        {
            return found;
        }

        try
        {
            await using var stream = await exports.OpenReadAsync(export, cancellationToken);
            using var reader = ExportReader.Open(stream, export.Name, ExportLimits.Default);
            var column = await IdColumnAsync(export, reader.Header, cancellationToken);
            while (reader.Read())
            {
                for (var c = column < 0 ? 0 : column; c < (column < 0 ? reader.Header.Count : column + 1); c++)
                {
                    if (lookup.TryGetValue(reader.Field(c).Trim(), out var id))
                    {
                        found.Add(new ExportMention(reader.Row, id));
                        break;
                    }
                }
            }
        }
        catch (ExportRejectedException)
        {
            // Unreadable past some point: what was read is what it mentions.
        }
        catch (Exception ex) when (ExportStore.IsOverwritten(ex))
        {
            // Replaced while read: the new version is looked at on its own.
        }

        return found;
    }

    /// <summary>The customer id's column as ingestion maps it; -1 when the columns cannot be mapped.</summary>
    private async Task<int> IdColumnAsync(StoredExport export, IReadOnlyList<string> header, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await profiles.LoadAsync(export.Metadata.TryGetValue(ExportMetadata.Profile, out var name) ? name : null, cancellationToken);
            return ColumnMap.Resolve(header, profile, ExportBlobName.KindOf(export.Name))[CanonicalField.CustomerId];
        }
        catch (ExportRejectedException)
        {
            return -1;
        }
    }
}
