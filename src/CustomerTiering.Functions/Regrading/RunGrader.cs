using System.Diagnostics;
using System.Text.Json;
using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// The step between the phases, made once per run: every shard's metrics graded together (ranks, cuts and shares are
/// global), then each shard's grades written for its write phase, with what the next period carries over. Customers are
/// put in id order first, so the engine gets the same input however many shards measured it: a run over 8 shards equals
/// a run over 1 bit for bit. A customer erased since a shard measured them is left out here.
/// </summary>
public sealed class RunGrader(RunArtifacts artifacts, ErasedCustomers erased, GradingCapacity capacity)
{
    public async Task<GradedRun> GradeAsync(RunRecord run, TieringPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(policy);
        // Regions, channels, owners and tiers take few values: one string each, not one per customer (a million
        // customers hold this step's memory, and these strings were a fifth of it).
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? text) => text is null ? null : pool.TryGetValue(text, out var known) ? known : pool[text] = text;
        await CheckCapacityAsync(run, cancellationToken);
        var metrics = new List<CustomerMetrics>();
        var erasedSet = await erased.LoadAsync(cancellationToken);
        for (var shard = 0; shard < run.Shards; shard++)
        {
            await foreach (var m in artifacts.ReadLinesAsync(RunArtifacts.MetricsPath(run.Id, shard), GradeJson.Default.StoredMetrics, cancellationToken))
            {
                if (erasedSet.Contains(m.Id))
                {
                    continue;
                }

                metrics.Add((m with { Region = Shared(m.Region), Channel = Shared(m.Channel), Owner = Shared(m.Owner) }).ToMetrics());
            }
        }

        metrics.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var carried = await CarriedAsync(run.PreviousRunId, Shared, cancellationToken);
        var pinned = await OverridesAsync(run.Id, cancellationToken);
        for (var i = 0; i < metrics.Count; i++)
        {
            if (carried.TryGetValue(metrics[i].Id.Value, out var before))
            {
                metrics[i] = metrics[i] with { Previous = new PreviousGrade(metrics[i].Id, before.Tier, before.PeriodsBelowTier) };
            }

            if (pinned.TryGetValue(metrics[i].Id.Value, out var tierOverride))
            {
                metrics[i] = metrics[i] with { Override = tierOverride };
            }
        }

        var engine = Stopwatch.StartNew();
        var result = TieringEngine.Grade(metrics, run.AsOf, policy);
        engine.Stop();

        var grades = result.Grades;
        var movers = result.Summary.CountMovers();
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? comparison = null;
        if (run.DryRun)
        {
            var comparedWith = await CarriedAsync(run.ComparedWithRunId, Shared, cancellationToken);
            comparison = TierComparison.Matrix(grades, id => comparedWith.TryGetValue(id, out var then) ? then.Tier : null);
        }
        else
        {
            var byShard = Enumerable.Range(0, run.Shards).Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < grades.Count; i++)
            {
                byShard[ShardWork.ShardOf(metrics[i].Id.Value, run.Shards)].Add(i);
            }

            for (var shard = 0; shard < run.Shards; shard++)
            {
                await artifacts.WriteLinesAsync(RunArtifacts.GradesPath(run.Id, shard),
                    byShard[shard].Select(i => Stored(run, policy, metrics[i], grades[i], carried)), GradeJson.Default.StoredGrade, cancellationToken);
            }

            await artifacts.WriteLinesAsync(RunArtifacts.CarriedPath(run.Id),
                Enumerable.Range(0, grades.Count).Select(i => new CarriedGrade(
                    metrics[i].Id.Value, grades[i].Tier, grades[i].Evidence.PeriodsBelowTier, TierSince(run, grades[i], carried),
                    grades[i].Segment, grades[i].Lifecycle.ToString())),
                GradeJson.Default.CarriedGrade, cancellationToken);
        }

        var summary = new RunSummary(result.Summary, engine.ElapsedMilliseconds, run.ComparedWithRunId, comparison, OwnerBooks.Of(metrics, grades, policy),
            (long)result.ForecastElapsed.TotalMilliseconds);
        await artifacts.WriteTextAsync(RunArtifacts.SummaryPath(run.Id), JsonSerializer.Serialize(summary, RegradeJson.Options), cancellationToken);
        return new GradedRun(grades.Count, movers, engine.ElapsedMilliseconds);
    }

    /// <summary>The overrides the run started with, by customer; none for runs made before overrides existed.</summary>
    /// <summary>The run's customers, counted from its shards' metrics files before any is read, against the instance's memory.</summary>
    private async Task CheckCapacityAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var customers = 0L;
        for (var shard = 0; shard < run.Shards; shard++)
        {
            // Files written before the count was kept with them say nothing: the step goes on as it always did.
            if (await artifacts.LineCountAsync(RunArtifacts.MetricsPath(run.Id, shard), cancellationToken) is not { } count)
            {
                return;
            }

            customers += count;
        }

        capacity.Check(customers);
    }

    private async Task<Dictionary<string, TierOverride>> OverridesAsync(string runId, CancellationToken cancellationToken)
    {
        var json = await artifacts.ReadTextAsync(RunArtifacts.OverridesPath(runId), cancellationToken);
        var stored = json is null ? [] : JsonSerializer.Deserialize<List<StoredOverride>>(json, RegradeJson.Options) ?? [];
        return stored.ToDictionary(o => o.CustomerId, o => new TierOverride(o.Tier, o.Reason, o.Expires), StringComparer.Ordinal);
    }

    private static StoredGrade Stored(RunRecord run, TieringPolicy policy, CustomerMetrics m, CustomerGrade g, Dictionary<string, CarriedGrade> carried) => new()
    {
        CustomerId = m.Id.Value,
        Name = m.Profile.Name,
        Type = m.Profile.Type.ToString(),
        Region = m.Profile.Region,
        Channel = m.Profile.Channel,
        Owner = m.Profile.Owner,
        LastContact = m.Profile.LastContact,
        NeedsOwner = OwnerBooks.NeedsOwner(policy, g.Tier, m.Profile.Owner),
        Period = run.Period,
        RunId = run.Id,
        PolicyVersion = policy.Version,
        Tier = g.Tier,
        ComputedTier = g.Evidence.Overridden ? policy.Tiers.Names[g.Evidence.ComputedTierIndex] : null,
        TierIndex = g.TierIndex,
        PreviousTier = g.PreviousTier,
        Movement = g.Movement,
        TierSince = TierSince(run, g, carried),
        PeriodsBelowTier = g.Evidence.PeriodsBelowTier,
        RecencyScore = g.RecencyScore,
        FrequencyScore = g.FrequencyScore,
        MonetaryScore = g.MonetaryScore,
        Segment = g.Segment,
        PreviousSegment = carried.TryGetValue(m.Id.Value, out var before) ? before.Segment : null,
        PreviousLifecycle = before?.Lifecycle,
        Abc = g.Abc.ToString(),
        ValueScore = g.ValueScore,
        Lifecycle = g.Lifecycle.ToString(),
        RisingStar = g.RisingStar,
        NetRevenue = m.NetRevenue,
        PreviousNetRevenue = m.PreviousNetRevenue,
        OrderCount = m.OrderCount,
        LastOrderDate = m.LastOrderDate,
        CreditGrade = g.CreditGrade ?? CreditSummary.NoHistory,
        AliveProbability = g.Forecast?.ProbabilityAlive,
        ExpectedPurchases = g.Forecast?.ExpectedPurchases,
        ExpectedRevenue = g.Forecast?.ExpectedRevenue,
        ChurnRisk = g.Forecast?.Risk.ToString(),
        Reasons = GradeExplainer.Explain(g, policy),
    };

    private static string TierSince(RunRecord run, in CustomerGrade grade, Dictionary<string, CarriedGrade> carried) =>
        carried.TryGetValue(grade.Id.Value, out var before) && before.Tier == grade.Tier ? before.TierSince : run.Period;

    private async Task<Dictionary<string, CarriedGrade>> CarriedAsync(string? runId, Func<string?, string?> shared, CancellationToken cancellationToken)
    {
        var carried = new Dictionary<string, CarriedGrade>(StringComparer.Ordinal);
        if (runId is not null)
        {
            await foreach (var c in artifacts.ReadLinesAsync(RunArtifacts.CarriedPath(runId), GradeJson.Default.CarriedGrade, cancellationToken))
            {
                carried[c.CustomerId] = c with { Tier = shared(c.Tier)!, TierSince = shared(c.TierSince)!, Segment = shared(c.Segment), Lifecycle = shared(c.Lifecycle) };
            }
        }

        return carried;
    }
}
