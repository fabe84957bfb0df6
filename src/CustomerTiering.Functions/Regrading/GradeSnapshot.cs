using System.IO.Compression;
using System.Text;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;
using Parquet;
using Parquet.Serialization;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// Writes a committed period's grades to <c>snapshots/{period}/grades.csv.gz</c> and <c>grades.parquet</c>, for
/// analysts' tools. Written just before the period is committed, so a failed re-run never replaces a good snapshot.
/// </summary>
public sealed class GradeSnapshot(SnapshotStore snapshots, RunArtifacts artifacts)
{
    private const int RowGroupSize = 100_000;

    public async Task WriteAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var csvFile = Path.GetTempFileName();
        var parquetFile = Path.GetTempFileName();
        try
        {
            await using (var csv = new StreamWriter(new GZipStream(File.Create(csvFile), CompressionLevel.Fastest), new UTF8Encoding(false)))
            await using (var parquet = File.Create(parquetFile))
            {
                csv.NewLine = "\n";
                await csv.WriteLineAsync(SnapshotRow.CsvHeader);
                var group = new List<SnapshotRow>(RowGroupSize);
                var first = true;
                for (var shard = 0; shard < run.Shards; shard++)
                {
                    await foreach (var grade in artifacts.ReadLinesAsync(RunArtifacts.GradesPath(run.Id, shard), GradeJson.Default.StoredGrade, cancellationToken))
                    {
                        var row = SnapshotRow.From(grade);
                        await csv.WriteLineAsync(row.ToCsvLine());
                        group.Add(row);
                        if (group.Count == RowGroupSize)
                        {
                            await WriteGroupAsync(group, parquet, append: !first, cancellationToken);
                            first = false;
                        }
                    }
                }

                if (group.Count > 0 || first)
                {
                    await WriteGroupAsync(group, parquet, append: !first, cancellationToken);
                }
            }

            await UploadAsync(SnapshotStore.CsvPath(run.Period), csvFile, "application/gzip", run, cancellationToken);
            await UploadAsync(SnapshotStore.ParquetPath(run.Period), parquetFile, "application/vnd.apache.parquet", run, cancellationToken);
        }
        finally
        {
            File.Delete(csvFile);
            File.Delete(parquetFile);
        }
    }

    internal static async Task WriteGroupAsync(List<SnapshotRow> group, FileStream parquet, bool append, CancellationToken cancellationToken)
    {
        await ParquetSerializer.SerializeAsync(group, parquet, new ParquetOptions { Append = append, RowGroupSize = RowGroupSize }, cancellationToken: cancellationToken);
        group.Clear();
    }

    private async Task UploadAsync(string path, string file, string contentType, RunRecord run, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(file);
        await snapshots.UploadAsync(path, content, contentType, run.Id, run.PolicyVersion, cancellationToken);
    }
}
