using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

public sealed class CustomerHistoryReaderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Order Order(string customer, string id, decimal amount) =>
        new(id, CustomerId.Create(customer), new DateOnly(2026, 10, 1), amount, null, "Tea");

    private static PartitionRange OnlyPartition(string name)
    {
        var index = int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture);
        return new PartitionRange(index, index + 1);
    }

    [Fact]
    public async Task Each_customer_comes_with_exactly_their_orders_even_when_ids_share_a_prefix()
    {
        // Ids chosen to land in one partition and to prefix one another: C…, C…x, C…|y.
        var ids = new[] { "C1", "C1x", "C1|y", "C1 z", "C2" }.Select(id => (Id: id, Partition: TableKeys.PartitionOf(id))).ToList();
        var account = azurite.Account;
        var customers = new BatchWriter(account.Tables.GetTableClient(StorageNames.CustomersTable));
        var orders = new BatchWriter(account.Tables.GetTableClient(StorageNames.OrdersTable));
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, _) in ids.Where(i => i.Id != "C2"))
        {
            await customers.AddAsync(CustomerEntities.ToEntity(new CustomerProfile(CustomerId.Create(id), "Name " + id), "test", now));
        }

        foreach (var (id, _) in ids.Where(i => i.Id != "C1 z"))
        {
            for (var n = 0; n < 3; n++)
            {
                await orders.AddAsync(CustomerEntities.ToEntity(Order(id, $"{id}-o{n}", 10 + n), "CNY", "test", now));
            }
        }

        await customers.FlushAsync();
        await orders.FlushAsync();
        var reader = new CustomerHistoryReader(account);

        var histories = new List<CustomerHistory>();
        foreach (var partition in ids.Select(i => i.Partition).Distinct())
        {
            await foreach (var history in reader.ReadAsync(OnlyPartition(partition)))
            {
                histories.Add(history);
            }
        }

        Assert.Equal(ids.Select(i => i.Id).Order(StringComparer.Ordinal), histories.Select(h => h.Profile.Id.Value).Order(StringComparer.Ordinal));
        foreach (var history in histories)
        {
            Assert.All(history.Orders, o => Assert.Equal(history.Profile.Id, o.CustomerId));
        }

        Assert.Empty(histories.Single(h => h.Profile.Id.Value == "C1 z").Orders);
        Assert.Equal([10m, 11m, 12m], histories.Single(h => h.Profile.Id.Value == "C1|y").Orders.Select(o => o.NetAmount).Order());
        Assert.Null(histories.Single(h => h.Profile.Id.Value == "C2").Profile.Name);
        Assert.Equal("Name C1x", histories.Single(h => h.Profile.Id.Value == "C1x").Profile.Name);
    }

    [Fact]
    public async Task More_than_a_hundred_rows_to_one_partition_and_a_row_twice_in_a_batch_are_written_once_each()
    {
        var table = azurite.Account.Tables.GetTableClient(StorageNames.OrdersTable);
        var writer = new BatchWriter(table, parallelism: 2);
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < 250; n++)
        {
            await writer.AddAsync(CustomerEntities.ToEntity(Order("BATCH-1", $"o{n % 200}", n), null, "test", now));
        }

        // Twice while the partition's last 50 rows still wait: the service would refuse both in one transaction.
        await writer.AddAsync(CustomerEntities.ToEntity(Order("BATCH-1", "o-twice", 1000), null, "test", now));
        await writer.AddAsync(CustomerEntities.ToEntity(Order("BATCH-1", "o-twice", 1001), null, "test", now));
        await writer.FlushAsync();

        var orders = new List<Order>();
        await foreach (var history in new CustomerHistoryReader(azurite.Account).ReadAsync(OnlyPartition(TableKeys.PartitionOf("BATCH-1"))))
        {
            orders.AddRange(history.Orders.Where(o => o.CustomerId.Value == "BATCH-1"));
        }

        Assert.Equal(201, orders.Count);
        Assert.Equal(249m, orders.Single(o => o.OrderId == "o49").NetAmount);
        Assert.Equal(1001m, orders.Single(o => o.OrderId == "o-twice").NetAmount);
        Assert.Equal(251, writer.Written);
    }

    [Fact]
    public async Task Every_partition_is_observed_and_only_what_the_observer_keeps_comes_back()
    {
        // Written as an ingestion writes them: each row names its export.
        var writer = new CustomerRecords(azurite.Account).Writer("exports/orders/obs.csv", DateTimeOffset.UtcNow, parallelism: 4);
        for (var c = 0; c < 40; c++)
        {
            await writer.AddAsync(new CustomerProfile(CustomerId.Create($"OBS-{c}"), $"Observed {c}"));
            for (var n = 0; n <= c % 3; n++)
            {
                await writer.AddAsync(Order($"OBS-{c}", $"obs-{c}-{n}", 5), "CNY");
            }
        }

        await writer.FlushAsync();

        var observed = await new CustomerHistoryReader(azurite.Account).ObserveAllAsync(
            h => h.Profile.Id.Value.StartsWith("OBS-", StringComparison.Ordinal) ? (h.Profile.Id.Value, h.Orders.Count) : ((string, int)?)null, parallelism: 8);

        Assert.Equal(40, observed.Count);
        Assert.Equal(Enumerable.Range(0, 40).Sum(c => c % 3 + 1), observed.Sum(o => o.Item2));
        Assert.Equal(3, observed.Single(o => o.Item1 == "OBS-38").Item2);
    }

    [Fact]
    public async Task A_range_read_in_slices_of_any_size_gives_each_customer_once_with_all_of_their_rows()
    {
        // Spread over most partitions, some with profiles, orders and invoices, some with only one of them.
        var writer = new CustomerRecords(azurite.Account).Writer("exports/orders/range.csv", DateTimeOffset.UtcNow, parallelism: 4);
        for (var c = 0; c < 600; c++)
        {
            var id = CustomerId.Create($"RANGE-{c}");
            if (c % 5 != 0)
            {
                await writer.AddAsync(new CustomerProfile(id, $"Ranged {c}"));
            }

            for (var n = 0; n < c % 4; n++)
            {
                await writer.AddAsync(Order(id.Value, $"range-{c}-{n}", 7), "CNY");
            }

            if (c % 3 == 0)
            {
                await writer.AddAsync(new Invoice($"range-inv-{c}", id, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), 50m, null, 0m));
            }
        }

        await writer.FlushAsync();
        var reader = new CustomerHistoryReader(azurite.Account);

        foreach (var slices in new[] { 1, 3, 7, 256 })
        {
            var histories = new List<CustomerHistory>();
            foreach (var slice in PartitionRange.All.Split(slices))
            {
                await foreach (var history in reader.ReadAsync(slice))
                {
                    if (history.Profile.Id.Value.StartsWith("RANGE-", StringComparison.Ordinal))
                    {
                        histories.Add(history);
                    }
                }
            }

            var known = Enumerable.Range(0, 600).Count(c => c % 5 != 0 || c % 4 > 0 || c % 3 == 0);
            Assert.Equal(known, histories.Count);
            Assert.Equal(known, histories.Select(h => h.Profile.Id).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, 600).Where(c => c % 4 > 0 || c % 3 == 0).Count(), histories.Count(h => h.Orders.Count > 0 || h.Invoices.Count > 0));
            Assert.Equal(Enumerable.Range(0, 600).Sum(c => c % 4), histories.Sum(h => h.Orders.Count));
            Assert.Equal(200, histories.Sum(h => h.Invoices.Count));
            Assert.All(histories, h => Assert.All(h.Orders, o => Assert.Equal(h.Profile.Id, o.CustomerId)));
            Assert.All(histories, h => Assert.All(h.Invoices, i => Assert.Equal(h.Profile.Id, i.CustomerId)));
            Assert.Equal(480, histories.Count(h => h.Profile.Name is not null));
        }
    }
}
