namespace CustomerTiering.Domain.Grading;

/// <summary>Where a customer stands in their relationship with us.</summary>
public enum LifecycleStage : byte
{
    /// <summary>No order ever.</summary>
    Prospect,

    /// <summary>First order within the policy's new-customer days.</summary>
    New,

    Growing,
    Stable,
    Declining,

    /// <summary>No order for the policy's churn days.</summary>
    Churned,
}
