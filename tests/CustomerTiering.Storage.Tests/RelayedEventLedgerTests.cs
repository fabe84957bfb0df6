using CustomerTiering.Storage.Events;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>Which queue message relays an event: the first to claim it, and that message again when it is redelivered.</summary>
public sealed class RelayedEventLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private RelayedEventLedger Ledger => new(azurite.Account, TestKeys.Hasher);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_first_message_claims_the_event_and_a_copy_in_another_message_is_a_duplicate()
    {
        Assert.True(await Ledger.TryClaimAsync("2026-10-run:C1", "message-1"));

        Assert.False(await Ledger.TryClaimAsync("2026-10-run:C1", "message-2"));
    }

    [Fact]
    public async Task The_claiming_message_delivered_again_may_relay_again()
    {
        Assert.True(await Ledger.TryClaimAsync("2026-10-run:C2", "message-3"));

        Assert.True(await Ledger.TryClaimAsync("2026-10-run:C2", "message-3"));
    }

    [Fact]
    public async Task Of_many_messages_claiming_one_event_at_once_exactly_one_wins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(m => new RelayedEventLedger(azurite.Account, TestKeys.Hasher).TryClaimAsync("2026-10-run:C3", $"copy-{m}")));

        Assert.Single(claims, c => c);
    }
}
