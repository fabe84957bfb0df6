using System.Diagnostics;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>
/// Hostile inputs for every reader (<see cref="HostileInputs"/>), each held to <see cref="ReaderFuzz"/>'s rule. The quick
/// mode, in every test run, reads the same seeds each time; the long mode (<c>FUZZ_MINUTES</c>, <c>scripts/fuzz.sh</c>)
/// reads new ones from a base seed it prints, for that many minutes shared among the readers. A failure names its
/// reader and seed, which make the input again, and saves the input.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Seeds per reader in the quick mode: a few seconds each on two cores.</summary>
    private static readonly Dictionary<FuzzedReader, int> QuickSeeds = new()
    {
        [FuzzedReader.Csv] = 400,
        [FuzzedReader.JsonLines] = 400,
        [FuzzedReader.Xlsx] = 200,
        [FuzzedReader.Gzip] = 200,
    };

    private static TimeSpan? LongMode =>
        double.TryParse(Environment.GetEnvironmentVariable("FUZZ_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes / Enum.GetValues<FuzzedReader>().Length)
            : null;

    [Theory]
    [InlineData(FuzzedReader.Csv)]
    [InlineData(FuzzedReader.JsonLines)]
    [InlineData(FuzzedReader.Xlsx)]
    [InlineData(FuzzedReader.Gzip)]
    public void Every_hostile_input_ends_as_rows_or_a_clear_rejection_within_its_bounds(FuzzedReader reader)
    {
        var (seeds, share, mode) = Plan(reader);
        var tally = new FuzzTally();
        var spent = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var input = HostileInputs.Make(reader, seed);
            var reading = Stopwatch.StartNew();
            tally.Add(input, ReaderFuzz.Check(input), reading.Elapsed);
            if (spent.Elapsed >= share)
            {
                break;
            }
        }

        output.WriteLine($"{reader}: {mode}; {tally}");
        Assert.True(tally.Inputs > 0);
    }

    [Fact]
    public void Every_input_that_once_failed_ends_as_rows_or_a_clear_rejection()
    {
        // The cases are copied beside the tests: none there would make this pass on nothing.
        Assert.NotEmpty(RegressionCases.Files());
        foreach (var file in RegressionCases.Files())
        {
            var name = RegressionCases.ExportNameOf(Path.GetFileName(file));
            var outcome = ReaderFuzz.Check(new FuzzInput(ReaderOf(name), 0, name, File.ReadAllBytes(file), "kept as a regression case"));
            output.WriteLine($"{name}: {(outcome.Rejection is { } reason ? "rejected: " + reason : $"{outcome.Rows} rows, {outcome.RowErrors} row errors")}");
        }
    }

    [Fact]
    public void The_same_seed_makes_the_same_input()
    {
        foreach (var reader in Enum.GetValues<FuzzedReader>())
        {
            Assert.True(HostileInputs.Make(reader, 7).Content.SequenceEqual(HostileInputs.Make(reader, 7).Content), $"{reader}: seed 7 made two inputs");
        }
    }

    private static FuzzedReader ReaderOf(string name) =>
        name.EndsWith(".gz", StringComparison.Ordinal) ? FuzzedReader.Gzip
        : name.EndsWith(".xlsx", StringComparison.Ordinal) ? FuzzedReader.Xlsx
        : name.EndsWith(".jsonl", StringComparison.Ordinal) ? FuzzedReader.JsonLines
        : FuzzedReader.Csv;

    /// <summary>The seeds to read, for how long at most, and the mode's description.</summary>
    private static (IEnumerable<int> Seeds, TimeSpan Share, string Mode) Plan(FuzzedReader reader)
    {
        if (LongMode is not { } share)
        {
            return (Enumerable.Range(1, QuickSeeds[reader]), TimeSpan.MaxValue, $"quick mode, seeds 1-{QuickSeeds[reader]}");
        }

        var first = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next(1_000, int.MaxValue / 2);
        return (Enumerable.Range(first, int.MaxValue - first), share, $"long mode, {share.TotalMinutes:0.#} min from seed {first} (FUZZ_SEED={first} repeats it)");
    }
}
