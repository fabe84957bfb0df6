using Azure.Data.Tables;

namespace CustomerTiering.Storage.Grades;

/// <summary>The graded rows of every run, keyed so that one customer's grade in one run is a point read.</summary>
public sealed class GradeStore(StorageAccount account)
{
    private TableClient Table => account.Tables.GetTableClient(StorageNames.GradesTable);

    public BatchWriter Writer(int parallelism) => new(Table, parallelism);

    public async Task<StoredGrade?> GetAsync(string runId, string customerId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            GradeEntities.PartitionKey(runId, customerId), GradeEntities.RowKey(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? GradeEntities.FromEntity(response.Value!) : null;
    }
}
