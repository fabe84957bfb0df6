using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.Storage;

namespace CustomerTiering.DevHost.EventGrid;

/// <summary>
/// Event Grid's part, locally: lists the <c>exports</c> container and enqueues one BlobCreated event on <c>export-events</c>
/// for every new blob version (new name or new ETag). What it has announced is kept in a table, so a restart re-announces nothing.
/// </summary>
public sealed class ExportBlobEventSource(FunctionAppDefinition app, DevHostOptions options, TimeProvider clock, ILogger<ExportBlobEventSource> logger) : BackgroundService
{
    private const string LedgerTable = "DevHostBlobEvents";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var data = app.Settings.GetStorageAccount(StorageNames.DataConnection);
        var container = data.Blobs.GetBlobContainerClient(StorageNames.ExportsContainer);
        var events = data.Queues.GetQueueClient(StorageNames.ExportEventsQueue);
        var ledger = app.Settings.GetStorageAccount(null).Tables.GetTableClient(LedgerTable);
        Dictionary<string, string>? announced = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                announced ??= await LoadAnnouncedAsync(ledger, stoppingToken);
                await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await events.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    var eTag = blob.Properties.ETag?.ToString("H") ?? "";
                    if (announced.TryGetValue(blob.Name, out var known) && known == eTag)
                    {
                        continue;
                    }

                    var @event = BlobCreatedEvent.Create(container, blob, clock.GetUtcNow());
                    await events.SendMessageAsync(@event.ToJsonString(), cancellationToken: stoppingToken);
                    await ledger.UpsertEntityAsync(new TableEntity(StorageNames.ExportsContainer, RowKey(blob.Name)) { ["ETag"] = eTag, ["Name"] = blob.Name }, TableUpdateMode.Replace, stoppingToken);
                    announced[blob.Name] = eTag;
                    Log.BlobCreatedSent(logger, blob.Name, eTag, StorageNames.ExportEventsQueue);
                }
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                Log.BlobWatchFailed(logger, StorageNames.ExportsContainer, ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(options.BlobPollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<Dictionary<string, string>> LoadAnnouncedAsync(TableClient ledger, CancellationToken cancellationToken)
    {
        await ledger.CreateIfNotExistsAsync(cancellationToken);
        var announced = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StorageNames.ExportsContainer}");
        await foreach (var row in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            announced[row.GetString("Name")] = row.GetString("ETag");
        }

        return announced;
    }

    // Blob names may hold '/', '\\', '#' and '?', which row keys may not, and be longer than a row key: use their hash.
    private static string RowKey(string blobName) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
}
