namespace CustomerTiering.Domain.Policy;

/// <summary>
/// What customers are graded within: the whole book, or each region, channel, owner or customer type on its own, as
/// sales organisations are run. Within a group, ranks, tier cuts, ABC classes and RFM scores count only its customers.
/// </summary>
public enum GradingGroup
{
    None,
    Region,
    Channel,
    Owner,
    Type,
}
