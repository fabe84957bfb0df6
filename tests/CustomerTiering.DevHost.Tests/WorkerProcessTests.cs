using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class WorkerProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_worker_that_dies_is_started_again()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, ["Process", "ProcessExit"]);
        var first = await ProcessIdAsync(host.Client);

        try
        {
            using var _ = await host.Client.PostAsync(new Uri("/api/process/exit", UriKind.Relative), null);
        }
        catch (HttpRequestException)
        {
            // the worker may die before it answers
        }

        var second = await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return await ProcessIdAsync(host.Client) is var id && id != first ? (object)id : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, "a new worker process");

        Assert.NotEqual(first, (int)second);
    }

    [Fact]
    public async Task A_worker_killed_mid_invocation_is_restarted_and_the_message_retried()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, ["QueueHang"]);
        var queue = azurite.Account.Queues.GetQueueClient("hang-in");
        await queue.CreateIfNotExistsAsync();

        // The worker exits inside its first try of the message; the next worker gets it again.
        await queue.SendMessageAsync("exit-on-first");

        var tries = await Eventually.ReturnsAsync(async () => (await RecordedOrNothingAsync(host, "QueueHang")) is { Length: >= 1 } t ? t : null, "the retried invocation");
        var retry = Assert.Single(tries);
        Assert.Equal("2", retry.GetProperty("metadata").GetProperty("DequeueCount").GetString());
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message to be deleted");
    }

    // The first worker recorded its try before it died: only the new worker's record can be read.
    private static async Task<JsonElement[]?> RecordedOrNothingAsync(DevHostRunner host, string function)
    {
        try
        {
            return await host.RecordedAsync(function);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<int> ProcessIdAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/process", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"status {(int)response.StatusCode}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
