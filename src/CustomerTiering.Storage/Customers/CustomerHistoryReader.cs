using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Storage.Customers;

/// <summary>
/// Reads one partition's customers with their orders and invoices: the unit of work of a regrade shard. A partition holds about
/// 1/256 of the customers, so its master data fits in memory; orders stream past, a customer's orders adjacent (their
/// row keys share the customer's prefix). Customers known only from orders get a bare profile.
/// </summary>
public sealed class CustomerHistoryReader(StorageAccount account)
{
    public async IAsyncEnumerable<CustomerHistory> ReadPartitionAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        await foreach (var entity in account.Tables.GetTableClient(StorageNames.CustomersTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var profile = CustomerEntities.ToProfile(entity);
            profiles[profile.Id.Value] = profile;
        }

        // Invoices are far fewer than orders (one per customer per billing period): the partition's are held whole.
        var invoices = new Dictionary<string, List<Invoice>>(StringComparer.Ordinal);
        await foreach (var entity in account.Tables.GetTableClient(StorageNames.InvoicesTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var invoice = CustomerEntities.ToInvoice(entity);
            if (!invoices.TryGetValue(invoice.CustomerId.Value, out var list))
            {
                invoices[invoice.CustomerId.Value] = list = [];
            }

            list.Add(invoice);
        }

        string? current = null;
        var orders = new List<Order>();
        await foreach (var entity in account.Tables.GetTableClient(StorageNames.OrdersTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var order = CustomerEntities.ToOrder(entity);
            if (current is not null && order.CustomerId.Value != current)
            {
                yield return Finish(current, orders, profiles, invoices);
                orders = [];
            }

            current = order.CustomerId.Value;
            orders.Add(order);
        }

        if (current is not null)
        {
            yield return Finish(current, orders, profiles, invoices);
        }

        foreach (var profile in profiles.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            yield return new CustomerHistory(profile, [], invoices.Remove(profile.Id.Value, out var theirs) ? theirs : []);
        }

        // Customers known only from invoices: a bare profile, as for those known only from orders.
        foreach (var (customerId, theirs) in invoices.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return new CustomerHistory(new CustomerProfile(CustomerId.Create(customerId)), [], theirs);
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
        await Parallel.ForEachAsync(TableKeys.AllPartitions(), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (partition, ct) =>
        {
            var partitionObserved = new List<T>();
            await foreach (var history in ReadPartitionAsync(partition, ct))
            {
                if (observe(history) is { } observation)
                {
                    partitionObserved.Add(observation);
                }
            }

            observed.Add(partitionObserved);
        });

        return [.. observed.SelectMany(o => o)];
    }

    private static CustomerHistory Finish(string customerId, List<Order> orders, Dictionary<string, CustomerProfile> profiles, Dictionary<string, List<Invoice>> invoices)
    {
        var profile = profiles.Remove(customerId, out var known) ? known : new CustomerProfile(CustomerId.Create(customerId));
        return new CustomerHistory(profile, orders, invoices.Remove(customerId, out var theirs) ? theirs : []);
    }
}
