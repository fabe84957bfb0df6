namespace CustomerTiering.Storage.Grades;

/// <summary>Upserts one run's grades in batches; writing a shard's grades again leaves the table as one write would.</summary>
public sealed class GradeWriter(BatchWriter rows)
{
    public Task AddAsync(StoredGrade grade, CancellationToken cancellationToken = default) =>
        rows.AddAsync(GradeEntities.ToEntity(grade), cancellationToken);

    /// <summary>Sends every grade still waiting for its batch to fill and waits for every transaction.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => rows.FlushAsync(cancellationToken);
}
