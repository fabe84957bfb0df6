using System.Globalization;
using Azure.Data.Tables;

namespace CustomerTiering.Storage.Runs;

/// <summary>A run as a table row.</summary>
internal static class RunEntities
{
    public static TableEntity ToEntity(string partition, RunRecord r) => new(partition, r.Id)
    {
        ["Period"] = r.Period,
        ["AsOf"] = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["PolicyVersion"] = r.PolicyVersion,
        ["DryRun"] = r.DryRun,
        ["Trigger"] = r.Trigger,
        ["RequestedBy"] = r.RequestedBy?.Name,
        ["RequestedById"] = r.RequestedBy?.ObjectId,
        ["Status"] = r.Status.ToString(),
        ["Shards"] = r.Shards,
        ["Measured"] = r.Measured.Mask,
        ["WritesHeld"] = r.WritesHeld,
        ["Written"] = r.Written.Mask,
        ["Published"] = r.Published.Mask,
        ["PreviousRunId"] = r.PreviousRunId,
        ["ComparedWithRunId"] = r.ComparedWithRunId,
        ["Customers"] = r.Customers,
        ["Movers"] = r.Movers,
        ["FailedIn"] = r.FailedIn?.ToString(),
        ["Error"] = r.Error is { Length: > 4000 } error ? error[..4000] : r.Error,
        ["CreatedAt"] = r.CreatedAt,
        ["GradedAt"] = r.GradedAt,
        ["CommittedAt"] = r.CommittedAt,
        ["FinishedAt"] = r.FinishedAt,
        ["EngineMilliseconds"] = r.EngineMilliseconds,
        ["UpdatedAt"] = r.UpdatedAt,
    };

    public static RunRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Period = e.GetString("Period"),
        AsOf = DateOnly.ParseExact(e.GetString("AsOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        PolicyVersion = e.GetString("PolicyVersion"),
        DryRun = e.GetBoolean("DryRun") ?? false,
        Trigger = e.GetString("Trigger"),
        RequestedBy = e.GetString("RequestedBy") is { } requester ? new Actor(e.GetString("RequestedById"), requester) : null,
        Status = Enum.Parse<RunStatus>(e.GetString("Status")),
        Shards = e.GetInt32("Shards") ?? 1,
        Measured = new ShardSet(e.GetString("Measured")),
        WritesHeld = e.GetBoolean("WritesHeld") ?? false,
        Written = new ShardSet(e.GetString("Written")),
        Published = new ShardSet(e.GetString("Published")),
        PreviousRunId = e.GetString("PreviousRunId"),
        ComparedWithRunId = e.GetString("ComparedWithRunId"),
        Customers = e.GetInt32("Customers") ?? 0,
        Movers = e.GetInt32("Movers") ?? 0,
        FailedIn = e.GetString("FailedIn") is { } failedIn ? Enum.Parse<RunStatus>(failedIn) : null,
        Error = e.GetString("Error"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        GradedAt = e.GetDateTimeOffset("GradedAt"),
        CommittedAt = e.GetDateTimeOffset("CommittedAt"),
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        EngineMilliseconds = e.GetInt64("EngineMilliseconds") ?? 0,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };
}
