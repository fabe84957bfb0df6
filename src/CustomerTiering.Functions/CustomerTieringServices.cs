using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Dashboard;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.OpenApi;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Functions.Health;
using CustomerTiering.Functions.Privacy;
using CustomerTiering.Functions.Retention;
using CustomerTiering.Functions.Publishing;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Events;
using CustomerTiering.Storage.Grades;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Owners;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Storage.TierOverrides;

using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions;

/// <summary>The composition root: every service the worker's functions use.</summary>
public static class CustomerTieringServices
{
    public static IHostApplicationBuilder AddCustomerTiering(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddApiJson();
        builder.AddCallerAccess();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
            StorageAccount.FromConfiguration(services.GetRequiredService<IConfiguration>(), StorageNames.DataConnection));
        builder.Services.AddSingleton<StorageProvisioner>();
        builder.Services.AddSingleton<StorageHealthProbe>();
        builder.Services.AddSingleton<CachedStorageHealth>();
        builder.Services.AddHostedService<StorageProvisioning>();
        builder.Services.AddHostedService<ParentWatchdog>();
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestionLedger>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ExportStore>();
        builder.Services.AddSingleton<CustomerRecords>();
        builder.Services.AddSingleton<MappingProfiles>();
        builder.Services.AddSingleton<ExportIngestion>();
        builder.Services.AddOptions<RegradeOptions>().BindConfiguration(RegradeOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Regrade:TimeZone is not a known time zone.").ValidateOnStart();
        builder.Services.AddSingleton<CustomerHistoryReader>();
        builder.Services.AddSingleton<PolicyStore>();
        builder.Services.AddSingleton<PolicyVersions>();
        builder.Services.AddSingleton<OverrideStore>();
        builder.Services.AddSingleton<OwnerDirectoryStore>();
        builder.Services.AddSingleton<ReadScopes>();
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<PeriodStore>();
        builder.Services.AddSingleton<RegradeLock>();
        builder.Services.AddSingleton<ExportWriteGate>();
        builder.Services.AddSingleton<RunArtifacts>();
        builder.Services.AddSingleton<GradeStore>();
        builder.Services.AddSingleton<RelayedEventLedger>();
        builder.Services.AddSingleton<PendingEvents>();
        builder.Services.AddSingleton<ShardMessages>();
        builder.Services.AddSingleton<SnapshotStore>();
        builder.Services.AddSingleton<RegradeCalendar>();
        builder.Services.AddSingleton<RegradeRequestReader>();
        builder.Services.AddSingleton<ShardDispatcher>();
        builder.Services.AddSingleton<RegradeRuns>();
        builder.Services.AddSingleton<ShardMeasurer>();
        builder.Services.AddSingleton<RunGrader>();
        builder.Services.AddSingleton<GradeSnapshot>();
        builder.Services.AddSingleton<RegradeWorker>();
        builder.Services.AddSingleton<TierChangeRelay>();
        builder.Services.AddSingleton<GradingCapacity>();
        builder.Services.AddSingleton<PeriodDirectory>();
        builder.Services.AddSingleton<GradeListing>();
        builder.Services.AddSingleton<RunSummaries>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetentionSweep>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new CustomerIdHasher(services.GetRequiredService<IOptions<PrivacyOptions>>().Value.KeyBytes()));
        builder.Services.AddSingleton<ErasedCustomers>();
        builder.Services.AddSingleton<ErasureRequests>();
        builder.Services.AddSingleton<ErasureMessages>();
        builder.Services.AddSingleton<ErasureLock>();
        builder.Services.AddSingleton<CustomerRows>();
        builder.Services.AddSingleton<ExportMentions>();
        builder.Services.AddSingleton<SnapshotParquet>();
        builder.Services.AddSingleton<PersonalDataFiles>();
        builder.Services.AddSingleton<SubjectAccess>();
        builder.Services.AddSingleton<CustomerErasure>();
        builder.Services.AddTierChangePublishing();
        builder.AddFaultInjection();
        builder.Services.AddSingleton<ApiReference>();
        builder.Services.AddOptions<DashboardSignInOptions>().BindConfiguration(DashboardSignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DashboardAssets>();
        return builder;
    }
}
