using CustomerTiering.Storage.Events;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>Which events have reached the topic: recorded after the send, by whichever message sent them.</summary>
public sealed class RelayedEventLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private RelayedEventLedger Ledger => new(azurite.Account, TestKeys.Hasher);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_is_relayed_once_recorded_whichever_message_asks()
    {
        Assert.False(await Ledger.WasRelayedAsync("2026-10-run:C1"));

        await Ledger.RecordRelayedAsync("2026-10-run:C1", "message-1");

        Assert.True(await Ledger.WasRelayedAsync("2026-10-run:C1"));
        Assert.False(await Ledger.WasRelayedAsync("2026-10-run:C10"));
    }

    [Fact]
    public async Task Recording_an_event_again_changes_nothing()
    {
        await Ledger.RecordRelayedAsync("2026-10-run:C2", "message-2");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(m => new RelayedEventLedger(azurite.Account, TestKeys.Hasher).RecordRelayedAsync("2026-10-run:C2", $"copy-{m}")));

        Assert.True(await Ledger.WasRelayedAsync("2026-10-run:C2"));
    }

    [Fact]
    public async Task The_ledger_keeps_no_event_id_in_the_clear()
    {
        await Ledger.RecordRelayedAsync("2026-10-run:C3", "message-3");

        var rows = await azurite.Account.Tables.GetTableClient(StorageNames.RelayedEventsTable).QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.RowKey.Contains("C3", StringComparison.Ordinal) || r.PartitionKey.Contains("C3", StringComparison.Ordinal));
    }
}
