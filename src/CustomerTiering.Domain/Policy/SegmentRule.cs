namespace CustomerTiering.Domain.Policy;

/// <summary>A rectangle of the RFM grid: R score in <see cref="Recency"/> [min, max] and combined FM score in <see cref="FrequencyMonetary"/> [min, max].</summary>
public sealed record SegmentRule(string Segment, IReadOnlyList<int> Recency, IReadOnlyList<int> FrequencyMonetary)
{
    public bool Covers(int r, int fm) =>
        Recency.Count == 2 && FrequencyMonetary.Count == 2
        && r >= Recency[0] && r <= Recency[1] && fm >= FrequencyMonetary[0] && fm <= FrequencyMonetary[1];
}
