using System.Text.Json;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>A run whose worker is killed while it publishes, retried: every tier change and slip event relayed exactly once.</summary>
[LongScenario]
public sealed class PublishRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Customers = 200;

    private StorageAccount Account => azurite.Account;

    [Fact]
    public async Task A_run_killed_while_publishing_and_retried_relays_every_tier_change_and_slip_event_exactly_once()
    {
        await SampleShop.SeedAsync(Account, Customers);
        string crashed;
        List<JsonElement> crashedEvents;
        await using (var crashing = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString,
            new Dictionary<string, string>(ParkedWorker.Settings(FaultPoint.EventQueued, after: 3)) { ["Regrade__Shards"] = "2" }))
        {
            await using var parked = ParkedWorker.Watch(crashing, Account);
            var regrade = new RegradeClient(crashing, Account);
            await regrade.RunAsync(new { period = "2026-05" });
            crashed = await regrade.RunAsync(new { period = "2026-06" });
            Assert.Contains(crashed, parked.Killed);
            crashedEvents = await RegradeRecoveryTests.RelayedEventsAsync(Account, crashed, await regrade.ExpectedEventsAsync(crashed));
        }

        string clean;
        List<JsonElement> cleanEvents;
        await using (var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString, new Dictionary<string, string> { ["Regrade__Shards"] = "2" }))
        {
            var regrade = new RegradeClient(app, Account);
            clean = await regrade.RunAsync(new { period = "2026-06" });
            cleanEvents = await RegradeRecoveryTests.RelayedEventsAsync(Account, clean, await regrade.ExpectedEventsAsync(clean));
        }

        Assert.Contains(crashedEvents, e => e.GetProperty("type").GetString() != "com.customertiering.tier.changed");
        Assert.Equal(RegradeRecoveryTests.Normalised(cleanEvents, clean), RegradeRecoveryTests.Normalised(crashedEvents, crashed));
    }
}
