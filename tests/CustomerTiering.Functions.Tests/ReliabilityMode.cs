using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The reliability suite's two lengths: the quick one every test run makes, and the long one behind
/// <c>RELIABILITY_LONG=1</c> (<c>scripts/reliability.sh</c>) that repeats the randomised scenarios with more seeds for the
/// figures in docs/reliability.md.
/// </summary>
public static class ReliabilityMode
{
    public const string Category = "Reliability";

    public static bool IsLong => Environment.GetEnvironmentVariable("RELIABILITY_LONG") == "1";

    /// <summary>The first two seeds from <paramref name="first"/>, or the first six in the long mode.</summary>
    public static TheoryData<int> Seeds(int first)
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(first, IsLong ? 6 : 2))
        {
            seeds.Add(seed);
        }

        return seeds;
    }
}
