using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

public sealed class BatchWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Order Order(string customer, string id, decimal amount) =>
        new(id, CustomerId.Create(customer), new DateOnly(2026, 10, 1), amount, null, "Tea");

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
        await foreach (var history in new CustomerHistoryReader(azurite.Account).ReadPartitionAsync(TableKeys.PartitionOf("BATCH-1")))
        {
            orders.AddRange(history.Orders.Where(o => o.CustomerId.Value == "BATCH-1"));
        }

        Assert.Equal(201, orders.Count);
        Assert.Equal(249m, orders.Single(o => o.OrderId == "o49").NetAmount);
        Assert.Equal(1001m, orders.Single(o => o.OrderId == "o-twice").NetAmount);
        Assert.Equal(251, writer.Written);
    }

    [Fact]
    public async Task Past_the_pending_bound_the_fullest_batch_goes_and_the_others_wait_for_the_flush()
    {
        var table = azurite.Account.Tables.GetTableClient("bound" + Guid.NewGuid().ToString("N"));
        await table.CreateAsync();
        var writer = new BatchWriter(table, maxPending: 9);
        foreach (var (partition, rows) in new[] { ("a", 6), ("b", 4) })
        {
            for (var n = 0; n < rows; n++)
            {
                await writer.AddAsync(new TableEntity(partition, $"r{n}"));
            }
        }

        // The tenth row passed the bound: partition a's six went, b's four wait.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(table, "a") < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(6, await CountAsync(table, "a"));
        Assert.Equal(0, await CountAsync(table, "b"));

        await writer.FlushAsync();
        Assert.Equal(4, await CountAsync(table, "b"));
        Assert.Equal(10, writer.Written);
    }

    private static async Task<int> CountAsync(TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
