using CustomerTiering.Domain.Periods;
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

    /// <summary>The period asked for (yyyy-MM), or the current one when none is asked for; null when it is not graded.</summary>
    public async Task<PeriodLookup> FindAsync(string? period, CancellationToken cancellationToken = default)
    {
        if (period is not null && !GradingPeriod.TryParse(period, out _))
        {
            return PeriodLookup.Invalid;
        }

        var all = await AllAsync(cancellationToken);
        if (all.Count == 0)
        {
            return PeriodLookup.None;
        }

        var index = period is null ? all.Count - 1 : IndexOf(all, period);
        return index < 0 ? PeriodLookup.None : new PeriodLookup(all[index], index > 0 ? all[index - 1] : null, index == all.Count - 1);
    }

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

/// <summary>A period found (with the one before it, and whether it is the current one), none, or a malformed request.</summary>
public sealed record PeriodLookup(CommittedPeriod? Period, CommittedPeriod? Previous, bool IsCurrent, bool IsInvalid = false)
{
    public static PeriodLookup None { get; } = new(null, null, false);

    public static PeriodLookup Invalid { get; } = new(null, null, false, true);
}
