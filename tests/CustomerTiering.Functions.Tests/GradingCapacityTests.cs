using CustomerTiering.Functions.Regrading;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerTiering.Functions.Tests;

public sealed class GradingCapacityTests
{
    private static GradingCapacity Instance(int megabytes) => new(Options.Create(new RegradeOptions { GradingMemoryMB = megabytes }));

    [Fact]
    public void A_run_fits_an_instance_while_its_customers_fit_in_what_the_worker_leaves_free()
    {
        // This test process holds some hundred MB: 4 GB leaves room for a million customers (about 900 MB), not for five.
        Instance(4096).Check(1_000_000);

        var refused = Assert.Throws<RunTooLargeException>(() => Instance(4096).Check(5_000_000));

        Assert.StartsWith("Grading 5,000,000 customers needs about 4,291 MB in one instance", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the instance has 4,096 MB", refused.Message, StringComparison.Ordinal);
        Assert.Matches(@"it can grade about [\d,]+\. Deploy with a larger instanceMemoryMB", refused.Message);
    }

    [Fact]
    public void Without_a_setting_the_instance_is_the_memory_the_runtime_sees()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        var refused = Assert.Throws<RunTooLargeException>(() => Instance(0).Check(available / GradingCapacity.BytesPerCustomer));

        Assert.Contains($"the instance has {available / (1024 * 1024):N0} MB", refused.Message, StringComparison.Ordinal);
    }
}
