using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage.Runs;
using Parquet;
using Parquet.Serialization;

namespace CustomerTiering.Functions.Privacy;

/// <summary>A period's Parquet snapshot, read a row group at a time, and written again without some customers' rows.</summary>
public sealed class SnapshotParquet(SnapshotStore snapshots)
{
    public async Task<IReadOnlyList<SnapshotRow>> FindAsync(string path, IReadOnlySet<string> customerIds, CancellationToken cancellationToken = default)
    {
        var found = new List<SnapshotRow>();
        await ReadAsync(path, rows => found.AddRange(rows.Where(r => customerIds.Contains(r.CustomerId))), cancellationToken);
        return found;
    }

    /// <summary>Answers how many rows went; the file is replaced only when one did.</summary>
    public async Task<long> RemoveAsync(string path, IReadOnlySet<string> customerIds, CancellationToken cancellationToken = default)
    {
        var output = Path.GetTempFileName();
        try
        {
            long removed = 0;
            await using (var parquet = File.Create(output))
            {
                var first = true;
                await ReadAsync(path, async rows =>
                {
                    var kept = rows.Where(r => !customerIds.Contains(r.CustomerId)).ToList();
                    removed += rows.Count - kept.Count;
                    await GradeSnapshot.WriteGroupAsync(kept, parquet, append: !first, cancellationToken);
                    first = false;
                }, cancellationToken);
            }

            if (removed > 0)
            {
                await snapshots.ReplaceAsync(path, output, cancellationToken);
            }

            return removed;
        }
        finally
        {
            File.Delete(output);
        }
    }

    private Task ReadAsync(string path, Action<IList<SnapshotRow>> each, CancellationToken cancellationToken) =>
        ReadAsync(path, rows =>
        {
            each(rows);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task ReadAsync(string path, Func<IList<SnapshotRow>, Task> each, CancellationToken cancellationToken)
    {
        // Parquet is read from its end (the footer): a local copy is seekable and costs no memory.
        var input = Path.GetTempFileName();
        try
        {
            await using (var download = File.Create(input))
            await using (var blob = await snapshots.OpenReadAsync(path, cancellationToken))
            {
                await blob.CopyToAsync(download, cancellationToken);
            }

            await using var file = File.OpenRead(input);
            int groups;
            await using (var reader = await ParquetReader.CreateAsync(file, leaveStreamOpen: true, cancellationToken: cancellationToken))
            {
                groups = reader.RowGroupCount;
            }

            for (var group = 0; group < groups; group++)
            {
                file.Position = 0;
                var rows = await ParquetSerializer.DeserializeAsync<SnapshotRow>(file, null, group, cancellationToken);
                await each(rows.Data);
            }
        }
        finally
        {
            File.Delete(input);
        }
    }
}
