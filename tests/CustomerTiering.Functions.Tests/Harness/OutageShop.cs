using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The sample shop on an Azurite whose links can be cut and restored, the app running on it, and a clean run of
/// <see cref="Period"/> to compare other runs with: what the storage-outage scenarios share.
/// </summary>
public sealed class OutageShop : IAsyncLifetime
{
    public const string Period = "2026-06";
    public const int Customers = 1200;
    public const int Shards = 16;

    public AzuriteFixture Azurite { get; } = AzuriteFixture.WithOutages();

    public RunningApp App { get; private set; } = null!;

    public RegradeClient Regrade { get; private set; } = null!;

    public string CleanRunId { get; private set; } = "";

    public List<System.Text.Json.JsonElement> CleanEvents { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await SampleShop.SeedAsync(Azurite.Account, Customers);
        App = await RunningApp.StartAsync(Azurite.ConnectionString, Azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__Shards"] = $"{Shards}" });
        Regrade = new RegradeClient(App, Azurite.Account);
        // The month before first, so that the period has movers and events to relay.
        await Regrade.RunAsync(new { period = "2026-05" });
        CleanRunId = await Regrade.RunAsync(new { period = Period });
        CleanEvents = await RegradeRecoveryTests.RelayedEventsAsync(Azurite.Account, CleanRunId, await Regrade.ExpectedEventsAsync(CleanRunId));
        Assert.NotEmpty(CleanEvents);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
