using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// Upserts the customers, orders and invoices of one export into their tables, in batches (<see cref="BatchWriter"/>):
/// writing the same rows again leaves each table exactly as one write would. Each row records the export it came from.
/// </summary>
public sealed class CustomerRecordWriter(StorageAccount account, string source, DateTimeOffset at, int parallelism)
{
    private BatchWriter? _customers;
    private BatchWriter? _orders;
    private BatchWriter? _invoices;

    public Task AddAsync(CustomerProfile customer, CancellationToken cancellationToken = default) =>
        Table(ref _customers, StorageNames.CustomersTable).AddAsync(CustomerEntities.ToEntity(customer, source, at), cancellationToken);

    public Task AddAsync(Order order, string? currency, CancellationToken cancellationToken = default) =>
        Table(ref _orders, StorageNames.OrdersTable).AddAsync(CustomerEntities.ToEntity(order, currency, source, at), cancellationToken);

    public Task AddAsync(Invoice invoice, CancellationToken cancellationToken = default) =>
        Table(ref _invoices, StorageNames.InvoicesTable).AddAsync(CustomerEntities.ToEntity(invoice, source, at), cancellationToken);

    /// <summary>Sends every row still waiting for its batch to fill and waits for every transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var writer in new[] { _customers, _orders, _invoices })
        {
            if (writer is not null)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private BatchWriter Table(ref BatchWriter? writer, string table) =>
        writer ??= new BatchWriter(account.Tables.GetTableClient(table), parallelism);
}
