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
        Assert.False(await Store.SaveAsCurrentAsync(TieringPolicy.Default with { Version = version }));

        Assert.Equal(TieringPolicy.Default.Version, (await Store.CurrentAsync()).Version);
    }
}
