using System.Globalization;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>What a reader's inputs came to: how many, read as rows or rejected, the slowest and the hungriest.</summary>
public sealed class FuzzTally
{
    private TimeSpan _total;
    private (TimeSpan Time, FuzzInput? Input) _slowest;
    private (long Bytes, int Seed) _hungriest;

    public int Inputs { get; private set; }

    public int Read { get; private set; }

    public int Rejected { get; private set; }

    public void Add(FuzzInput input, FuzzOutcome outcome, TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outcome);
        Inputs++;
        if (outcome.Rejection is null)
        {
            Read++;
        }
        else
        {
            Rejected++;
        }

        _total += took;
        if (took > _slowest.Time)
        {
            _slowest = (took, input);
        }

        if (outcome.PeakBytes > _hungriest.Bytes)
        {
            _hungriest = (outcome.PeakBytes, input.Seed);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Inputs} inputs in {_total.TotalSeconds:0.0} s: {Read} read as rows, {Rejected} rejected; slowest {_slowest.Time.TotalMilliseconds:0} ms ({_slowest.Input}), most memory held {_hungriest.Bytes / (1024 * 1024)} MB (seed {_hungriest.Seed})");
}
