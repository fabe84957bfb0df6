using CustomerTiering.Functions.Faults;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// An erasure whose worker is killed half way, after the tables, run files and snapshots and before the reports and
/// exports: the retried message takes its lock back at once, goes through every step again, and leaves none of them.
/// </summary>
public sealed class ErasureCrashTests(ErasureCrashTests.ParkingApp fixture) : IClassFixture<ErasureCrashTests.ParkingApp>
{
    /// <summary>The app, parking an erasure after its third step (tables, run files, snapshots) for the test to kill.</summary>
    public sealed class ParkingApp : AppFixture
    {
        protected override IReadOnlyDictionary<string, string>? Settings => ParkedWorker.Settings(FaultPoint.ErasureStepDone, after: 3);
    }

    [Fact]
    public async Task An_erasure_whose_worker_is_killed_half_way_resumes_and_leaves_nothing_of_them()
    {
        var app = fixture.App;
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(app, "customers", ErasureShop.CustomersCsv()));
        Assert.Equal("partiallySucceeded", await ExportUploads.IngestAsync(app, "orders", ErasureShop.OrdersCsv()));
        await new RegradeClient(app, fixture.Account).RunAsync(new { period = "2026-01" });
        Assert.NotEmpty(await ErasureShop.ScanAsync(fixture.Account));

        await using var parked = ParkedWorker.Watch(app, fixture.Account);
        var record = await ErasureShop.EraseAsync(app, ErasureShop.Subjects.Select(s => s.Id));

        Assert.Contains(record.GetProperty("id").GetString(), parked.Killed);
        Assert.Empty(await ErasureShop.ScanAsync(fixture.Account));
        // The counts are the finishing pass's: the killed one had emptied the tables, the retry removed the files left.
        var removed = record.GetProperty("removed");
        Assert.Equal(0, removed.GetProperty("tableRows").GetInt64());
        Assert.Equal(2, removed.GetProperty("exports").GetInt64());
    }
}
