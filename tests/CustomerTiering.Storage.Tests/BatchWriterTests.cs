using Azure.Data.Tables;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>The pending bound; rows to one partition and a row twice in a batch are in <see cref="CustomerHistoryReaderTests"/>.</summary>
public sealed class BatchWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
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
