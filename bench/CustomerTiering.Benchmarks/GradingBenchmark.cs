using BenchmarkDotNet.Attributes;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Benchmarks;

/// <summary>
/// The whole grading of n customers: RFM, segments, ABC, value score and tiers with hysteresis, lifecycle,
/// rising stars and the run summary. Targets: 1 000 000 customers under 1 s, under 400 bytes allocated per customer,
/// time growing no faster than n log n.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class GradingBenchmark
{
    private CustomerMetrics[] _customers = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _customers = SyntheticCustomers.Make(Customers);
        // Last period's grades for nine in ten customers, so hysteresis does real work.
        var first = TieringEngine.Grade(_customers, SyntheticCustomers.AsOf.AddMonths(-1), TieringPolicy.Default);
        _customers = [.. _customers.Select((c, i) => i % 10 == 0 ? c : c with { Previous = new PreviousGrade(c.Id, first.Grades[i].Tier, 0) })];
    }

    [Benchmark(Baseline = true)]
    public GradingResult Grade() => TieringEngine.Grade(_customers, SyntheticCustomers.AsOf, TieringPolicy.Default);

    /// <summary>Grading plus reading every grade once, as the regrade does when it writes them out.</summary>
    [Benchmark]
    public double GradeAndReadEveryGrade()
    {
        var checksum = 0.0;
        foreach (var grade in Grade().Grades)
        {
            checksum += grade.ValueScore + grade.TierIndex;
        }

        return checksum;
    }
}
