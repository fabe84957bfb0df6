using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Owners;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>The owner directory: one entry per owner name whatever its case, every change in the audit trail with who made it.</summary>
public sealed class OwnerDirectoryStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly Actor Admin = new("oid-admin", "Guo Ming");
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private OwnerDirectoryStore Directory => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Entries_are_set_replaced_by_another_spelling_of_the_name_and_removed_each_change_audited()
    {
        await Directory.SetAsync([("Li Na", "li.na@demo.example"), ("East/West #2?", "0d6f2c4e-1111-4c3b-9d7e-2f1a9c0b7e55")], Admin, Monday);
        await Directory.SetAsync([(" li na ", "na.li@demo.example")], Admin, Monday.AddHours(1));

        Assert.Equal(
            [new OwnerDirectoryEntry("East/West #2?", "0d6f2c4e-1111-4c3b-9d7e-2f1a9c0b7e55", Admin, Monday), new OwnerDirectoryEntry("li na", "na.li@demo.example", Admin, Monday.AddHours(1))],
            await MineAsync());

        Assert.NotNull(await Directory.RemoveAsync("EAST/WEST #2?", new Actor("oid-2", "Sun Lei"), Monday.AddHours(2)));
        Assert.Null(await Directory.RemoveAsync("Nobody", Admin, Monday.AddHours(3)));

        Assert.Equal(["li na"], (await MineAsync()).Select(e => e.Owner));
        Assert.Equal(
            [
                new OwnerDirectoryChange("Removed", "East/West #2?", null, new Actor("oid-2", "Sun Lei"), Monday.AddHours(2)),
                new OwnerDirectoryChange("Set", "li na", "na.li@demo.example", Admin, Monday.AddHours(1)),
            ],
            (await Directory.ChangesAsync(2)).ToList());
    }

    [Fact]
    public async Task A_file_of_more_owners_than_one_transaction_holds_is_written_whole()
    {
        var many = Enumerable.Range(0, 130).Select(i => ($"Owner {i:000}", $"owner{i}@demo.example")).ToList();

        await Directory.SetAsync(many, Admin, Monday);

        var entries = await Directory.AllAsync();
        Assert.Equal(many.Select(m => m.Item1), entries.Where(e => e.Owner.StartsWith("Owner ", StringComparison.Ordinal)).Select(e => e.Owner));
    }

    [Fact]
    public async Task The_ledger_lists_one_uploaders_ingestions_or_every_one()
    {
        var ledger = new IngestionLedger(azurite.Account);
        var zhao = new Actor("oid-zhao", "Zhao Qing");
        await ledger.SaveAsync(new IngestionRecord { Id = "i-1", BlobName = "orders/a.csv", ETag = "1", UploadedBy = zhao, CreatedAt = Monday });
        await ledger.SaveAsync(new IngestionRecord { Id = "i-2", BlobName = "orders/b.csv", ETag = "2", UploadedBy = new Actor("oid-other", "Other"), CreatedAt = Monday.AddMinutes(1) });
        await ledger.SaveAsync(new IngestionRecord { Id = "i-3", BlobName = "orders/dropped.csv", ETag = "3", CreatedAt = Monday.AddMinutes(2) });

        Assert.Equal(["i-1"], (await ledger.RecentAsync(10, "oid-zhao")).Select(r => r.Id));
        Assert.Equal(zhao, (await ledger.GetAsync("i-1"))!.UploadedBy);
        Assert.Equal(["i-3", "i-2", "i-1"], (await ledger.RecentAsync(10)).Select(r => r.Id));
    }

    // The entries of the first test: the classes' tests share one account.
    private async Task<List<OwnerDirectoryEntry>> MineAsync() => [.. (await Directory.AllAsync()).Where(e => !e.Owner.StartsWith("Owner ", StringComparison.Ordinal))];
}
