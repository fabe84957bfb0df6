using System.Diagnostics;
using Azure.Data.Tables;
using CustomerTiering.Storage;

namespace CustomerTiering.ScaleBenchmark;

/// <summary>The bare SDK writing the same rows: split lines by hand, 100-entity transactions per partition, N in flight.</summary>
internal static class RawCeiling
{
    public static async Task<double> WriteAsync(TableClient table, string file, int parallelism)
    {
        var timer = Stopwatch.StartNew();
        var pending = new Dictionary<string, List<TableTransactionAction>>();
        var inFlight = new List<Task>();
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var f = line.Split(',');
            var partition = TableKeys.PartitionOf(f[1]);
            var entity = new TableEntity(partition, $"{f[1]}|{f[0]}")
            {
                ["OrderId"] = f[0], ["CustomerId"] = f[1], ["Date"] = f[2], ["Amount"] = f[3], ["Margin"] = f[4], ["Currency"] = f[5], ["Category"] = f[6],
                ["Source"] = "orders/scale.csv", ["UpdatedAt"] = DateTimeOffset.UtcNow,
            };
            if (!pending.TryGetValue(partition, out var batch))
            {
                pending[partition] = batch = new List<TableTransactionAction>(100);
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            if (batch.Count == 100)
            {
                pending.Remove(partition);
                await SubmitAsync(table, batch, inFlight, parallelism);
            }
        }

        foreach (var batch in pending.Values)
        {
            await SubmitAsync(table, batch, inFlight, parallelism);
        }

        await Task.WhenAll(inFlight);
        return timer.Elapsed.TotalSeconds;
    }

    /// <summary>Sends a transaction, first waiting for one in flight to finish when <paramref name="parallelism"/> are.</summary>
    public static async Task SubmitAsync(TableClient table, List<TableTransactionAction> batch, List<Task> inFlight, int parallelism)
    {
        if (inFlight.Count >= parallelism)
        {
            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            await done;
        }

        inFlight.Add(table.SubmitTransactionAsync(batch));
    }
}
