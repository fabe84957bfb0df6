using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Storage.Tests;

/// <summary>The built-in policy versions: today's default and the earlier ones that graded periods still name.</summary>
public sealed class PolicyStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private PolicyStore Store => new(azurite.Account);

    public async Task InitializeAsync() => await new StorageProvisioner(azurite.Account).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_built_in_version_is_found_without_being_stored_as_it_was()
    {
        var current = (await Store.GetAsync(TieringPolicy.Default.Version))!;
        var beforeDisplayNames = (await Store.GetAsync("default-2"))!;
        var beforePlaybooks = (await Store.GetAsync("default-1"))!;

        Assert.Same(TieringPolicy.Default, current);
        Assert.Equal(("default-2", 0, 0), (beforeDisplayNames.Version, beforeDisplayNames.Tiers.DisplayNames.Count, beforeDisplayNames.Rfm.DisplayNames.Count));
        Assert.Equal(TieringPolicy.Default.Service.Keys, beforeDisplayNames.Service.Keys);
        Assert.Equal(("default-1", 0), (beforePlaybooks.Version, beforePlaybooks.Service.Count));
        Assert.Null(await Store.GetAsync("default-9"));
    }

    [Theory]
    [InlineData("default-1")]
    [InlineData("default-2")]
    public async Task A_policy_cannot_be_stored_under_a_built_in_version(string version)
    {
        var before = (await Store.CurrentAsync()).Version;

        Assert.False(await Store.SaveAsCurrentAsync(TieringPolicy.Default with { Version = version }, new Actor("oid-1", "Guo Ming"), DateTimeOffset.UnixEpoch));

        Assert.Equal(before, (await Store.CurrentAsync()).Version);
    }

    [Fact]
    public async Task A_saved_version_records_who_saved_it_and_when_newest_first()
    {
        var first = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Assert.True(await Store.SaveAsCurrentAsync(TieringPolicy.Default with { Version = $"a-{suffix}" }, new Actor("oid-1", "Guo Ming"), first));
        Assert.True(await Store.SaveAsCurrentAsync(TieringPolicy.Default with { Version = $"b {suffix}/é" }, new Actor("oid-2", "李 娜"), first.AddHours(1)));
        Assert.False(await Store.SaveAsCurrentAsync(TieringPolicy.Default with { Version = $"a-{suffix}" }, new Actor("oid-3", "Someone else"), first.AddHours(2)));

        var versions = (await Store.VersionsAsync()).Where(v => v.Version.EndsWith(suffix, StringComparison.Ordinal) || v.Version.EndsWith(suffix + "/é", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [new PolicyVersionRecord($"b {suffix}/é", new Actor("oid-2", "李 娜"), first.AddHours(1)), new PolicyVersionRecord($"a-{suffix}", new Actor("oid-1", "Guo Ming"), first)],
            versions);
    }
}
