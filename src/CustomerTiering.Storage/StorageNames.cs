namespace CustomerTiering.Storage;

/// <summary>Names of the containers, queues and tables the app owns; infra/ and every function.json use the same.</summary>
public static class StorageNames
{
    /// <summary>App setting holding the connection to the app's data account.</summary>
    public const string DataConnection = "TieringStorage";

    public const string ExportsContainer = "exports";
    public const string ReportsContainer = "reports";
    public const string SnapshotsContainer = "snapshots";

    public const string ExportEventsQueue = "export-events";

    public const string CustomersTable = "Customers";
    public const string OrdersTable = "Orders";
    public const string IngestionsTable = "Ingestions";

    public static IReadOnlyList<string> Containers { get; } = [ExportsContainer, ReportsContainer, SnapshotsContainer];

    public static IReadOnlyList<string> Queues { get; } = [ExportEventsQueue];

    public static IReadOnlyList<string> Tables { get; } = [CustomersTable, OrdersTable, IngestionsTable];
}
