namespace CustomerTiering.Domain.Policy;

/// <summary>
/// The RFM segment rule table laid over the (R, FM) grid, first match wins: which rule names each cell, which cells no rule
/// covers, and which rules never win a cell because earlier rules shadow them.
/// </summary>
public sealed class SegmentGrid
{
    private readonly int[] _ruleOfCell;
    private readonly int[] _segmentOfRule;

    public SegmentGrid(RfmPolicy rfm)
    {
        ArgumentNullException.ThrowIfNull(rfm);
        Bins = rfm.Bins;
        Rules = rfm.Segments;
        List<string> segments = [.. Rules.Select(r => r.Segment).Distinct(StringComparer.Ordinal)];
        Segments = segments;
        _segmentOfRule = [.. Rules.Select(r => segments.IndexOf(r.Segment))];
        _ruleOfCell = new int[Bins * Bins];
        for (var r = 1; r <= Bins; r++)
        {
            for (var fm = 1; fm <= Bins; fm++)
            {
                _ruleOfCell[Index(r, fm)] = FirstMatch(r, fm);
            }
        }
    }

    public int Bins { get; }

    public IReadOnlyList<SegmentRule> Rules { get; }

    /// <summary>The distinct segment names, in the order the rules first name them.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The index in <see cref="Segments"/> of a cell's segment, or -1 where no rule covers it.</summary>
    public int SegmentIndexOf(int r, int fm) => _ruleOfCell[Index(r, fm)] is var rule and >= 0 ? _segmentOfRule[rule] : -1;

    /// <summary>The segment of a cell, or null where no rule covers it.</summary>
    public string? SegmentOf(int r, int fm) => _ruleOfCell[Index(r, fm)] is var rule and >= 0 ? Rules[rule].Segment : null;

    /// <summary>Cells no rule covers, as (R, FM).</summary>
    public IReadOnlyList<(int R, int Fm)> UncoveredCells() =>
        [.. Cells().Where(c => _ruleOfCell[Index(c.R, c.Fm)] < 0)];

    /// <summary>Rules that cover cells but win none of them, each with the cells it covers and the earlier rules that take them.</summary>
    public IReadOnlyList<(int Rule, IReadOnlyList<(int R, int Fm)> Cells, IReadOnlyList<int> ShadowedBy)> ShadowedRules()
    {
        var shadowed = new List<(int, IReadOnlyList<(int, int)>, IReadOnlyList<int>)>();
        for (var rule = 0; rule < Rules.Count; rule++)
        {
            var covered = Cells().Where(c => Rules[rule].Covers(c.R, c.Fm)).ToList();
            var winners = covered.Select(c => _ruleOfCell[Index(c.R, c.Fm)]).ToList();
            if (!winners.Contains(rule))
            {
                shadowed.Add((rule, covered, winners.Distinct().Order().ToList()));
            }
        }

        return shadowed;
    }

    /// <summary>FM combines frequency and monetary scores: their mean, rounded half up.</summary>
    public static int CombineFrequencyMonetary(int f, int m) => (f + m + 1) / 2;

    private int FirstMatch(int r, int fm)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Covers(r, fm))
            {
                return i;
            }
        }

        return -1;
    }

    private IEnumerable<(int R, int Fm)> Cells()
    {
        for (var r = Bins; r >= 1; r--)
        {
            for (var fm = 1; fm <= Bins; fm++)
            {
                yield return (r, fm);
            }
        }
    }

    private int Index(int r, int fm) => ((r - 1) * Bins) + (fm - 1);
}
