using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Triggers;

namespace CustomerTiering.DevHost.EventGrid;

/// <summary>
/// Event Grid's part, locally: lists the container of every blob trigger with the Event Grid source and, for each new blob
/// version (new name or new ETag), queues one <see cref="BlobTriggerMessage"/> on the blob triggers' queue, as the
/// blobs extension does when Event Grid calls its webhook in Azure. What it has announced is kept in a table, so a
/// restart announces nothing twice.
/// </summary>
public sealed class BlobCreatedEventSource(FunctionAppDefinition app, DevHostOptions options, TimeProvider clock, ILogger<BlobCreatedEventSource> logger) : BackgroundService
{
    private const string LedgerTable = "DevHostBlobEvents";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watched = app.Functions
            .Where(f => BindingTypes.Is(f.Trigger, BindingTypes.BlobTrigger)
                        && string.Equals(f.Trigger.GetString("source"), "EventGrid", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (watched.Count == 0)
        {
            return;
        }

        var host = app.Settings.GetStorageAccount(null);
        var queue = host.Queues.GetQueueClient(BlobTriggerSource.QueueOf(app.Settings.HostId));
        var ledger = host.Tables.GetTableClient(LedgerTable);
        var announced = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        // The queue and the containers are created once rather than at every listing, and again after any failure.
        var created = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    foreach (var function in watched)
                    {
                        await ContainerOf(function).CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    }

                    created = true;
                }

                foreach (var function in watched)
                {
                    if (!announced.TryGetValue(function.Name, out var known))
                    {
                        known = await LoadAnnouncedAsync(ledger, function.Name, stoppingToken);
                        announced[function.Name] = known;
                    }

                    await AnnounceAsync(function, queue, ledger, known, stoppingToken);
                }
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                created = false;
                Log.BlobWatchFailed(logger, string.Join(", ", watched.Select(f => f.Name)), ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(options.BlobPollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task AnnounceAsync(FunctionDefinition function, Azure.Storage.Queues.QueueClient queue, TableClient ledger, Dictionary<string, string> known, CancellationToken stoppingToken)
    {
        var container = ContainerOf(function);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken))
        {
            var eTag = blob.Properties.ETag?.ToString("H") ?? "";
            if (known.TryGetValue(blob.Name, out var seen) && seen == eTag)
            {
                continue;
            }

            var message = new BlobTriggerMessage(function.Name, "BlockBlob", container.Name, blob.Name, eTag);
            await queue.SendMessageAsync(JsonSerializer.Serialize(message), stoppingToken);
            await ledger.UpsertEntityAsync(new TableEntity(function.Name, RowKey(blob.Name)) { ["ETag"] = eTag, ["Name"] = blob.Name }, TableUpdateMode.Replace, stoppingToken);
            known[blob.Name] = eTag;
            Log.BlobCreatedSent(logger, blob.Name, eTag, function.Name);
        }
    }

    private Azure.Storage.Blobs.BlobContainerClient ContainerOf(FunctionDefinition function)
    {
        var path = function.Trigger.GetString("path") ?? throw new FunctionAppException($"{function.Name}: 'path' is missing.");
        return app.Settings.GetStorageAccount(function.Trigger.GetString("connection")).Blobs.GetBlobContainerClient(path.Split('/', 2)[0]);
    }

    private static async Task<Dictionary<string, string>> LoadAnnouncedAsync(TableClient ledger, string functionName, CancellationToken cancellationToken)
    {
        await ledger.CreateIfNotExistsAsync(cancellationToken);
        var announced = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {functionName}"), cancellationToken: cancellationToken))
        {
            announced[row.GetString("Name")] = row.GetString("ETag");
        }

        return announced;
    }

    // Blob names may hold '/', '\\', '#' and '?', which row keys may not, and be longer than a row key: use their hash.
    private static string RowKey(string blobName) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
}
