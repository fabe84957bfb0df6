namespace CustomerTiering.Storage.Customers;

/// <summary>Where ingestion writes what exports hold: customers, orders and invoices, each in its table.</summary>
public sealed class CustomerRecords(StorageAccount account)
{
    /// <summary>A writer for the rows of one export; <paramref name="source"/> names it on every row written.</summary>
    public CustomerRecordWriter Writer(string source, DateTimeOffset at, int parallelism) => new(account, source, at, parallelism);
}
