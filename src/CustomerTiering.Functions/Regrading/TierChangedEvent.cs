using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>A tier change as a run's CloudEvent: id <c>{runId}:{customerId}</c>.</summary>
public static class TierChangedEvent
{
    public const string EventType = "com.customertiering.tier.changed";

    public static CloudEvent<TierChange> From(RunRecord run, StoredGrade grade)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(grade);
        return CloudEvent.About(run, EventType, IdOf(run.Id, grade.CustomerId), grade.CustomerId,
            new TierChange(grade.CustomerId, grade.PreviousTier, grade.Tier, grade.Movement.ToString(), grade.Period, run.Id, grade.Reasons));
    }

    public static string IdOf(string runId, string customerId) => $"{runId}:{customerId}";
}
