using System.Diagnostics;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Testing;
using Xunit.Sdk;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>How an input ended: its rows (and the row errors among them), or the reason it was rejected whole.</summary>
public sealed record FuzzOutcome(int Rows, int RowErrors, string? Rejection, long PeakBytes);

/// <summary>
/// The fuzz suite's rule for one input: read as ingestion reads it (survey, mapping, every row) and as the preview reads
/// it, it ends as rows or as a clear <see cref="ExportRejectedException"/>; never another exception, never past
/// <see cref="FuzzLimits.PerInput"/>, never holding more than <see cref="FuzzLimits.MaxHeldBytes"/>. An input
/// that breaks the rule is saved under artifacts/fuzz-failures, to be kept in Fuzzing/Regressions once fixed.
/// </summary>
public static class ReaderFuzz
{
    public static FuzzOutcome Check(FuzzInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        (int Rows, int Errors, string? Rejection)? read = null;
        Exception? failure = null;
        var reading = new Thread(() =>
        {
            try
            {
                read = Read(input);
                Preview(input);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { IsBackground = true, Name = $"fuzz {input.Reader} {input.Seed}" };

        // The heap is sampled while the input is read: its peak above where it started is what the read held (an
        // overestimate: it counts garbage not yet collected, and other tests' allocations at the same time).
        var before = GC.GetTotalMemory(forceFullCollection: false);
        var peak = 0L;
        var clock = Stopwatch.StartNew();
        reading.Start();
        while (!reading.Join(5))
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - before);
            if (clock.Elapsed > FuzzLimits.PerInput)
            {
                throw Failed(input, $"not read within {FuzzLimits.PerInput.TotalSeconds:0} s (a hang)");
            }
        }

        if (failure is not null)
        {
            throw Failed(input, $"an unexpected {failure.GetType().Name}: {failure}");
        }

        var outcome = new FuzzOutcome(read!.Value.Rows, read.Value.Errors, read.Value.Rejection, Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - before));
        if (outcome.PeakBytes > FuzzLimits.MaxHeldBytes)
        {
            throw Failed(input, $"{outcome.PeakBytes / (1024 * 1024)} MB held, over the bound of {FuzzLimits.MaxHeldBytes / (1024 * 1024)} MB");
        }

        if (outcome.Rejection is { } reason && !IsClear(reason))
        {
            throw Failed(input, $"rejected without a clear reason: \"{reason}\"");
        }

        return outcome;
    }

    /// <summary>As ingestion reads a file: the header and a survey of the first rows, then every row.</summary>
    private static (int Rows, int Errors, string? Rejection) Read(FuzzInput input)
    {
        try
        {
            var profile = MappingProfile.BuiltIn;
            ColumnMap map;
            ColumnConventions conventions;
            using (var survey = Reading.ExportReader.Open(new MemoryStream(input.Content), input.Name, FuzzLimits.Bounds))
            {
                map = ColumnMap.Resolve(survey.Header, profile, expected: null);
                conventions = ColumnSurvey.Conventions(survey, map, profile, requested: null);
            }

            using var reader = Reading.ExportReader.Open(new MemoryStream(input.Content), input.Name, FuzzLimits.Bounds);
            var (rows, errors) = (0, 0);
            foreach (var row in new ExportParser(map, profile, FuzzLimits.Bounds, conventions).Parse(reader))
            {
                rows++;
                errors += row.Errors.Count;
            }

            return (rows, errors, null);
        }
        catch (ExportRejectedException ex)
        {
            return (0, 0, ex.Message);
        }
    }

    /// <summary>The preview answers for any body: a rejection is its answer, never an exception.</summary>
    private static void Preview(FuzzInput input)
    {
        var preview = ExportPreview.Run(input.Content, complete: true, input.Name, MappingProfile.BuiltIn, expected: null, requested: null, maxRejectedShare: 0.05, FuzzLimits.Bounds);
        if (preview.WouldBe == Records.IngestionOutcome.Rejected && string.IsNullOrWhiteSpace(preview.Reason))
        {
            throw new InvalidOperationException("The preview rejected the file without a reason.");
        }
    }

    /// <summary>A reason a person can act on: some words, no stack trace, not the bare name of an exception.</summary>
    private static bool IsClear(string reason) =>
        reason.Trim().Length >= 10
        && !reason.Contains("   at ", StringComparison.Ordinal)
        && !reason.Contains("Exception", StringComparison.Ordinal);

    private static XunitException Failed(FuzzInput input, string what)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "fuzz-failures");
        Directory.CreateDirectory(folder);
        var saved = Path.Combine(folder, RegressionCases.FileNameOf(input.Name, $"{input.Reader}-{input.Seed}"));
        File.WriteAllBytes(saved, input.Content);
        return new XunitException($"{input}\n  ended in {what}\n  input saved as {saved}\n  made again by HostileInputs.Make(FuzzedReader.{input.Reader}, {input.Seed})");
    }
}
