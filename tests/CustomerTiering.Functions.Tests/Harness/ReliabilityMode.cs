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

    /// <summary>The seed <paramref name="first"/>, or six from it in the long mode (the quick one keeps CI within its time).</summary>
    public static TheoryData<int> Seeds(int first)
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(first, IsLong ? 6 : 1))
        {
            seeds.Add(seed);
        }

        return seeds;
    }
}
