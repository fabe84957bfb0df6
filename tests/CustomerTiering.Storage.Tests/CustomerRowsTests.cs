using Azure.Data.Tables;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.TierOverrides;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>A customer's rows in every table: found together, erased together, the override's audit kept without whose.</summary>
public sealed class CustomerRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private CustomerRows Rows => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Erasing_a_customer_removes_its_rows_everywhere_and_no_neighbour_s()
    {
        var at = DateTimeOffset.UtcNow;
        var writer = new CustomerRecords(azurite.Account).Writer("exports/x.csv", at, 2);
        // "K1" and "K10" share a prefix, and an id with '/' is escaped: neither may be taken for the other.
        foreach (var id in new[] { "K1", "K10", "K/1" })
        {
            await writer.AddAsync(new CustomerProfile(CustomerId.Create(id), $"Name of {id}", CustomerType.Unknown, null, null, null, null, null));
            await writer.AddAsync(new Order("O1", CustomerId.Create(id), new DateOnly(2026, 10, 1), 10m, null, null), "CNY");
            await writer.AddAsync(new Invoice("I1", CustomerId.Create(id), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 10m, null, null));
        }

        await writer.FlushAsync();
        await azurite.Account.Tables.GetTableClient(StorageNames.GradesTable).UpsertEntityAsync(new TableEntity(GradeEntities.PartitionKey("2026-10-r", "K1"), GradeEntities.RowKey("K1")) { ["Name"] = "Name of K1" });
        var overrides = new OverrideStore(azurite.Account);
        await overrides.SetAsync(new StoredOverride("K1", "VIP", "Name of K1's contract", new DateOnly(2027, 1, 1), new Actor("admin-id", "Admin"), at));

        var found = await Rows.FindAsync("K1", ["2026-10-r", "2026-11-r"]);
        var erased = await Rows.EraseAsync("K1", ["2026-10-r", "2026-11-r"]);

        Assert.Equal(
            ["Customers", "Grades", "Invoices", "Orders", "Overrides", "Overrides"],
            found.Select(r => r.Table).Order(StringComparer.Ordinal));
        Assert.Equal(found.Count, erased);
        Assert.Empty(await Rows.FindAsync("K1", ["2026-10-r"]));
        Assert.Equal(3, (await Rows.FindAsync("K10", [])).Count);
        Assert.Equal(3, (await Rows.FindAsync("K/1", [])).Count);
        Assert.Null(await overrides.GetAsync("K1"));
        var audit = Assert.Single(await Query(StorageNames.OverridesTable, OverrideStore.ErasedPartition));
        Assert.Equal(("Set", "Admin", "admin-id"), (audit.GetString("Action"), audit.GetString("By"), audit.GetString("ById")));
        Assert.DoesNotContain(audit, p => p.Value is string text && text.Contains("K1", StringComparison.Ordinal));
        Assert.Equal(0, await Rows.EraseAsync("K1", ["2026-10-r"]));
    }

    [Fact]
    public async Task Erased_ids_are_kept_as_keyed_hashes_and_recognised_trimmed()
    {
        var erased = new ErasedCustomers(azurite.Account, TestKeys.Hasher);
        await erased.AddAsync(["Z-9", "Z-9"], DateTimeOffset.UtcNow);

        var set = await erased.LoadAsync();
        var rows = await Query(StorageNames.ErasuresTable, "erased");

        Assert.True(set.Contains(" Z-9 ") && !set.Contains("z-9") && !set.Contains("Z-90"));
        Assert.True(await erased.ContainsAsync("Z-9"));
        Assert.DoesNotContain(rows, r => r.RowKey.Contains("Z-9", StringComparison.Ordinal));
        Assert.NotEqual(TestKeys.Hasher.Hash("Z-9"), new CustomerIdHasher(new byte[32]).Hash("Z-9"));
    }

    private async Task<List<TableEntity>> Query(string table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.Account.Tables.GetTableClient(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
