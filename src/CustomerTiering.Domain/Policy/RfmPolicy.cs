namespace CustomerTiering.Domain.Policy;

/// <summary>RFM scoring: scores 1..<see cref="Bins"/>, and the rule table naming a segment for each (R, FM) cell.</summary>
public sealed record RfmPolicy
{
    public int Bins { get; init; } = 5;

    /// <summary>Evaluated in order, first match wins; validation requires every cell covered and every rule reachable.</summary>
    public required IReadOnlyList<SegmentRule> Segments { get; init; }

    /// <summary>Each segment's name as people read it, by segment; see <see cref="Policy.DisplayNames"/>.</summary>
    public IReadOnlyDictionary<string, LocalizedText> DisplayNames { get; init; } = new Dictionary<string, LocalizedText>();
}
