using CustomerTiering.Domain.Periods;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The committed periods, read once every few seconds rather than on every request: the portal's hottest path is a
/// point read, and the pointer it follows changes once a month. A new period shows within <see cref="Freshness"/>.
/// </summary>
public sealed class PeriodDirectory(PeriodStore periods, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _cached;

    public async Task<IReadOnlyList<CommittedPeriod>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } fresh && clock.GetUtcNow() - fresh.ReadAt < Freshness)
        {
            return fresh.Periods;
        }

        // Requests racing here each read the (small) table once; the last one read is kept.
        var read = await periods.ListAsync(cancellationToken);
        _cached = new Snapshot(read, clock.GetUtcNow());
        return read;
    }

    private sealed record Snapshot(IReadOnlyList<CommittedPeriod> Periods, DateTimeOffset ReadAt);

    /// <summary>The period asked for, or the current one when none is asked for; none when it is not graded.</summary>
    public async Task<PeriodLookup> FindAsync(GradingPeriod? period, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        if (all.Count == 0)
        {
            return PeriodLookup.None;
        }

        var index = period is { } asked ? IndexOf(all, asked.ToString()) : all.Count - 1;
        return index < 0 ? PeriodLookup.None : new PeriodLookup(all[index], index > 0 ? all[index - 1] : null, index == all.Count - 1);
    }

    /// <summary>The answer when the period asked for (or any, when none was) has not been graded.</summary>
    public static NotFoundProblem NotGraded(GradingPeriod? asked) =>
        new("Unknown period", asked is { } period ? $"Period {period} has not been graded." : "No period has been graded yet.");

    private static int IndexOf(IReadOnlyList<CommittedPeriod> all, string period)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Period == period)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A period found (with the one before it, and whether it is the current one), or none.</summary>
public sealed record PeriodLookup(CommittedPeriod? Period, CommittedPeriod? Previous, bool IsCurrent)
{
    public static PeriodLookup None { get; } = new(null, null, false);
}
