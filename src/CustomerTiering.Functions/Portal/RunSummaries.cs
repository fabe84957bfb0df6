using System.Collections.Concurrent;
using System.Text.Json;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Portal;

/// <summary>Committed runs' summaries, read once each: a run's summary never changes.</summary>
public sealed class RunSummaries(RunArtifacts artifacts)
{
    private const int Kept = 64;
    private readonly ConcurrentDictionary<string, RunSummary> _read = new(StringComparer.Ordinal);

    public async Task<RunSummary?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (_read.TryGetValue(runId, out var known))
        {
            return known;
        }

        var json = await artifacts.ReadTextAsync(RunArtifacts.SummaryPath(runId), cancellationToken);
        if (json is null)
        {
            return null;
        }

        var summary = JsonSerializer.Deserialize<RunSummary>(json, RegradeJson.Options)!;
        if (_read.Count >= Kept)
        {
            _read.Clear();
        }

        _read[runId] = summary;
        return summary;
    }
}
