using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>A run too large for its instance's memory fails at once, saying why and what to change, through the dev host.</summary>
public sealed class GradingCapacityEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        await SampleShop.SeedAsync(azurite.Account, 240);
        // An instance of 64 MB: less than the worker itself holds, so that any run is too large for it.
        _app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__GradingMemoryMB"] = "64" });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_run_that_would_not_fit_in_its_instance_fails_at_once_saying_why_and_what_to_change()
    {
        var regrade = new RegradeClient(_app, azurite.Account);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => regrade.RunAsync(new { period = "2026-03" }));

        Assert.Contains("\"failedIn\":\"measuring\"", failed.Message, StringComparison.Ordinal);
        Assert.Contains("RunTooLargeException: Grading 240 customers needs about", failed.Message, StringComparison.Ordinal);
        Assert.Contains("the instance has 64 MB", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Deploy with a larger instanceMemoryMB", failed.Message, StringComparison.Ordinal);
        // Failed on its first try, not after five: a message that failed every try would be in the poison queue.
        var poison = azurite.Account.Queues.GetQueueClient(StorageNames.RegradeShardsQueue + "-poison");
        Assert.False(await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length > 0, "the shard message went to the poison queue");
    }
}
