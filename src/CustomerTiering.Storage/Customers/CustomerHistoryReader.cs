using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// Reads customers with their orders and invoices, partition by partition: the unit of work of a regrade shard. A
/// partition holds about 1/256 of the customers, so its master data fits in memory; orders stream past, a customer's
/// orders adjacent (their row keys share the customer's prefix). Customers known only from orders or invoices get a bare
/// profile. A range of partitions is read with one query per table, the three answers walked side by side.
/// </summary>
public sealed class CustomerHistoryReader(StorageAccount account)
{
    public async IAsyncEnumerable<CustomerHistory> ReadAsync(PartitionRange range, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var customers = new PartitionCursor(Query(StorageNames.CustomersTable, range, cancellationToken));
        await using var invoices = new PartitionCursor(Query(StorageNames.InvoicesTable, range, cancellationToken));
        await using var orders = new PartitionCursor(Query(StorageNames.OrdersTable, range, cancellationToken));
        foreach (var partition in range.Names)
        {
            var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
            await foreach (var entity in customers.TakeAsync(partition))
            {
                var profile = CustomerEntities.ToProfile(entity);
                profiles[profile.Id.Value] = profile;
            }

            // Invoices are far fewer than orders (one per customer per billing period): the partition's are held whole.
            var partitionInvoices = new Dictionary<string, List<Invoice>>(StringComparer.Ordinal);
            await foreach (var entity in invoices.TakeAsync(partition))
            {
                var invoice = CustomerEntities.ToInvoice(entity);
                if (!partitionInvoices.TryGetValue(invoice.CustomerId.Value, out var list))
                {
                    partitionInvoices[invoice.CustomerId.Value] = list = [];
                }

                list.Add(invoice);
            }

            string? current = null;
            var customerOrders = new List<Order>();
            await foreach (var entity in orders.TakeAsync(partition))
            {
                var order = CustomerEntities.ToOrder(entity);
                if (current is not null && order.CustomerId.Value != current)
                {
                    yield return Finish(current, customerOrders, profiles, partitionInvoices);
                    customerOrders = [];
                }

                current = order.CustomerId.Value;
                customerOrders.Add(order);
            }

            if (current is not null)
            {
                yield return Finish(current, customerOrders, profiles, partitionInvoices);
            }

            foreach (var profile in profiles.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
            {
                yield return new CustomerHistory(profile, [], partitionInvoices.Remove(profile.Id.Value, out var theirs) ? theirs : []);
            }

            foreach (var (customerId, theirs) in partitionInvoices.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                yield return new CustomerHistory(new CustomerProfile(CustomerId.Create(customerId)), [], theirs);
            }
        }
    }

    /// <summary>
    /// What <paramref name="observe"/> makes of each customer's history, over every partition (several at once); customers
    /// it makes nothing of are left out. Only the observations are held, never the histories.
    /// </summary>
    public async Task<List<T>> ObserveAllAsync<T>(Func<CustomerHistory, T?> observe, int parallelism, CancellationToken cancellationToken = default)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(observe);
        var observed = new ConcurrentBag<List<T>>();
        await Parallel.ForEachAsync(PartitionRange.All.Split(parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (range, ct) =>
        {
            var rangeObserved = new List<T>();
            await foreach (var history in ReadAsync(range, ct))
            {
                if (observe(history) is { } observation)
                {
                    rangeObserved.Add(observation);
                }
            }

            observed.Add(rangeObserved);
        });

        return [.. observed.SelectMany(o => o)];
    }

    private Azure.AsyncPageable<TableEntity> Query(string table, PartitionRange range, CancellationToken cancellationToken) =>
        account.Tables.GetTableClient(table).QueryAsync<TableEntity>(range.Filter, cancellationToken: cancellationToken);

    private static CustomerHistory Finish(string customerId, List<Order> orders, Dictionary<string, CustomerProfile> profiles, Dictionary<string, List<Invoice>> invoices)
    {
        var profile = profiles.Remove(customerId, out var known) ? known : new CustomerProfile(CustomerId.Create(customerId));
        return new CustomerHistory(profile, orders, invoices.Remove(customerId, out var theirs) ? theirs : []);
    }
}
