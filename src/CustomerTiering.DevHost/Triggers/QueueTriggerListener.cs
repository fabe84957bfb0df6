using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>
/// Runs the functions of one queue (a <c>queueTrigger</c>'s, or the blob triggers' own) as the Functions host does:
/// polls with back-off up to <c>maxPollingInterval</c>, takes <c>batchSize</c> messages at a time and the next batch once no more
/// than <c>newBatchThreshold</c> are still running, deletes a message on success, makes it visible again after
/// <c>visibilityTimeout</c> on failure, and moves it to <c>&lt;queue&gt;-poison</c> after <c>maxDequeueCount</c> tries.
/// </summary>
public sealed class QueueTriggerListener(
    IQueueSource source,
    FunctionAppDefinition app,
    InvocationClient invocations,
    TimeSpan lease,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly QueueSettings _settings = app.Host.Queues;
    private readonly string _queueName = source.QueueName;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var account = app.Settings.GetStorageAccount(source.Connection);
        var poison = account.QueuesWith(Options(null)).GetQueueClient(source.PoisonQueueName);
        // Undecodable messages move as the bytes they are, so the poison copy is the very message that was sent.
        var rawPoison = account.QueuesWith(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(poison.Name);
        var queue = account.QueuesWith(Options(rawPoison)).GetQueueClient(_queueName);
        var running = new List<Task>();
        try
        {
            await PollAsync(queue, poison, running, stoppingToken);
        }
        finally
        {
            // The messages taken end before the listener does. One whose deletion failed here is delivered again later,
            // as at-least-once delivery allows.
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Takes batches while the host runs, backing off while the queue is empty or storage is away.</summary>
    private async Task PollAsync(QueueClient queue, QueueClient poison, List<Task> running, CancellationToken stoppingToken)
    {
        var delay = MinimumPollingInterval;
        // Created once rather than asked for at every poll, and again after any failure: a queue deleted under the
        // listener answers 404, which lands there too.
        var created = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    created = true;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(_settings.BatchSize, lease, stoppingToken);
                if (messages.Length > 0)
                {
                    delay = MinimumPollingInterval;
                    running.AddRange(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
                    await WaitForNewBatchThresholdAsync(running);
                    continue;
                }
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
            {
                created = false;
                Log.QueuePollFailed(logger, _queueName, ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(delay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(_settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
        }
    }

    /// <summary>
    /// Returns once no more than <c>newBatchThreshold</c> messages are running, so that a slow message does not hold back
    /// the next batch. A message whose deletion or move to poison failed fails here, as the listener's own calls do.
    /// </summary>
    private async Task WaitForNewBatchThresholdAsync(List<Task> running)
    {
        foreach (var ended in running.Where(t => t.IsCompleted).ToList())
        {
            running.Remove(ended);
            await ended;
        }

        while (running.Count > _settings.NewBatchThreshold)
        {
            var ended = await Task.WhenAny(running);
            running.Remove(ended);
            await ended;
        }
    }

    private QueueClientOptions Options(QueueClient? poison)
    {
        var options = new QueueClientOptions { MessageEncoding = _settings.Base64Encoding ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None };
        if (poison is not null)
        {
            // A message that is not valid base64 can never succeed: straight to poison, as the Functions host does.
            options.MessageDecodingFailed += async args =>
            {
                if (args.ReceivedMessage is { } received)
                {
                    await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
                    await poison.SendMessageAsync(received.Body, cancellationToken: args.CancellationToken);
                    await args.Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, args.CancellationToken);
                    Log.MovedToPoison(logger, received.MessageId, _queueName, poison.Name, received.DequeueCount);
                }
            };
        }

        return options;
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        var receipt = new PopReceiptHolder(message.PopReceipt);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(queue, message.MessageId, receipt, renewal.Token);
        var delivery = source.Deliver(message);
        InvocationOutcome outcome;
        try
        {
            outcome = delivery is null
                ? InvocationOutcome.Failed("the message is not one this queue's functions take")
                : await invocations.InvokeAsync(delivery.Function, delivery.Input, delivery.Metadata, stoppingToken);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        if (outcome.Succeeded)
        {
            await queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None);
        }
        else if (message.DequeueCount >= _settings.MaxDequeueCount || delivery is null)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None);
            Log.MovedToPoison(logger, message.MessageId, _queueName, poison.Name, message.DequeueCount);
        }
        else
        {
            await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
    }

    private async Task RenewLeaseAsync(QueueClient queue, string messageId, PopReceiptHolder receipt, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 2, clock, cancellationToken);
                try
                {
                    var updated = await queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: lease, cancellationToken: cancellationToken);
                    receipt.Value = updated.Value.PopReceipt;
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
                {
                    // Storage away: the function goes on; should the message reappear meanwhile, its work is done twice,
                    // which at-least-once delivery allows.
                    Log.LeaseRenewalFailed(logger, messageId, _queueName, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The latest pop receipt: each lease renewal replaces it.</summary>
    private sealed class PopReceiptHolder(string value)
    {
        public string Value { get; set; } = value;
    }
}
