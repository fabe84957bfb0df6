using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A test class's Azurite and the app running on it, started once for the class. The class's tests share the storage
/// anyway, so one app for all of them tests the same as an app per test and spares a worker start (and a seeding) per
/// test. A class that needs settings or data derives and says which.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public RunningApp App { get; private set; } = null!;

    public StorageAccount Account => Azurite.Account;

    /// <summary>App settings besides <see cref="RunningApp"/>'s own.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Data the class's tests read, written before the app starts.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>What the class's tests need done through the running app before they start (regrades, directory entries).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await SeedAsync();
        App = await RunningApp.StartAsync(Azurite.ConnectionString, Azurite.ConnectionString, Settings);
        await PrepareAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
