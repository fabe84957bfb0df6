namespace CustomerTiering.Storage;

/// <summary>Names of the containers, queues and tables the app owns; infra/ and the functions' bindings use the same.</summary>
public static class StorageNames
{
    /// <summary>App setting holding the connection to the app's data account.</summary>
    public const string DataConnection = "TieringStorage";

    public const string ExportsContainer = "exports";
    public const string ReportsContainer = "reports";
    public const string SnapshotsContainer = "snapshots";

    /// <summary>Regrade runs' working files and the lock blob.</summary>
    public const string RunsContainer = "runs";

    public const string PoliciesContainer = "policies";

    /// <summary>Erasure requests' customer ids while they wait to be applied, and the erasure job's lock.</summary>
    public const string PrivacyContainer = "privacy";

    /// <summary>A regrade run's shard work: one message per shard and phase.</summary>
    public const string RegradeShardsQueue = "regrade-shards";

    /// <summary>Tier-changed CloudEvents, relayed from here to the Service Bus topic.</summary>
    public const string TierChangesQueue = "tier-changes";

    /// <summary>One message per erasure request: whichever is taken first applies every pending request.</summary>
    public const string ErasuresQueue = "erasures";

    public const string CustomersTable = "Customers";
    public const string OrdersTable = "Orders";
    public const string InvoicesTable = "Invoices";
    public const string IngestionsTable = "Ingestions";
    public const string RunsTable = "Runs";
    public const string PeriodsTable = "Periods";
    public const string GradesTable = "Grades";

    /// <summary>Ids of the tier-changed events relayed to Service Bus, so a duplicate is relayed once.</summary>
    public const string RelayedEventsTable = "RelayedEvents";

    /// <summary>Administrators' tier overrides and, beside each, its audit trail.</summary>
    public const string OverridesTable = "Overrides";

    /// <summary>Which user each owner name of the exports means, and the directory's audit trail.</summary>
    public const string OwnerDirectoryTable = "OwnerDirectory";

    /// <summary>Erasure requests (when, who, how many; no ids) and the keyed hashes of every erased customer id.</summary>
    public const string ErasuresTable = "Erasures";

    public static IReadOnlyList<string> Containers { get; } = [ExportsContainer, ReportsContainer, SnapshotsContainer, RunsContainer, PoliciesContainer, PrivacyContainer];

    public static IReadOnlyList<string> Queues { get; } = [RegradeShardsQueue, TierChangesQueue, ErasuresQueue];

    public static IReadOnlyList<string> Tables { get; } = [CustomersTable, OrdersTable, InvoicesTable, IngestionsTable, RunsTable, PeriodsTable, GradesTable, RelayedEventsTable, OverridesTable, OwnerDirectoryTable, ErasuresTable];
}
